import { concatBytes } from '../ntlm/bytes';
import { encodeDer } from './der';
import { SPNEGO_OID, encodeOid } from './oid';
import type { SpnegoNegState } from './token-types';

// SPNEGO tokens built for the tests and the playground's simulated client and server (RFC 4178 §4.2).
// Identifiers: 0x60 [APPLICATION 0], 0xa0-0xa3 [0]-[3], 0x30 SEQUENCE, 0x04 OCTET STRING, 0x0a ENUMERATED.

/** The client's first token: InitialContextToken { SPNEGO, [0] NegTokenInit { mechTypes, mechToken } }. */
export function buildSpnegoInit(input: { mechanisms: readonly string[]; mechToken?: Uint8Array }): Uint8Array {
  const mechTypes = encodeDer(0xa0, encodeDer(0x30, concatBytes(...input.mechanisms.map(encodeOid))));
  const token = input.mechToken ? encodeDer(0xa2, encodeDer(0x04, input.mechToken)) : new Uint8Array(0);
  const negTokenInit = encodeDer(0xa0, encodeDer(0x30, concatBytes(mechTypes, token)));
  return encodeDer(0x60, concatBytes(encodeOid(SPNEGO_OID), negTokenInit));
}

const NEG_STATE_VALUES: Record<SpnegoNegState, number> = { 'accept-completed': 0, 'accept-incomplete': 1, reject: 2, 'request-mic': 3 };

/** Every later token, either way: [1] NegTokenResp { negState, supportedMech, responseToken }, no GSS framing. */
export function buildSpnegoResponse(input: { negState?: SpnegoNegState; supportedMechanism?: string; responseToken?: Uint8Array }): Uint8Array {
  const parts = [
    input.negState === undefined ? undefined : encodeDer(0xa0, encodeDer(0x0a, Uint8Array.of(NEG_STATE_VALUES[input.negState]))),
    input.supportedMechanism === undefined ? undefined : encodeDer(0xa1, encodeOid(input.supportedMechanism)),
    input.responseToken === undefined ? undefined : encodeDer(0xa2, encodeDer(0x04, input.responseToken)),
  ].filter((p) => p !== undefined);
  return encodeDer(0xa1, encodeDer(0x30, concatBytes(...parts)));
}
