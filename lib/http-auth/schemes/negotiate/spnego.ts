import { type DerFailure, type DerNode, isDer, readDer, readDerChildren, readDerInner } from './der';
import { readInnerToken } from './inner-token';
import { decodeOid, nameMechanism, type NegotiateMechanism } from './oid';
import type { NegotiateTokenFailure, NegotiateTokenRead, SpnegoNegState } from './token-types';

// RFC 4178 §4.2: NegotiationToken ::= CHOICE { negTokenInit [0] NegTokenInit, negTokenResp [1] NegTokenResp }.
// The client's first token is wrapped in the GSS-API framing (RFC 2743 §3.1), the later ones are not.
// Windows adds NegTokenInit2 ([MS-SPNG] §2.2.1) with negHints at [3] and mechListMIC at [4]; unknown
// context tags are skipped, as the extensibility of §4.2 asks.

const NEG_STATES: readonly SpnegoNegState[] = ['accept-completed', 'accept-incomplete', 'reject', 'request-mic'];

function malformed(message: string, offset: number): NegotiateTokenFailure {
  return { kind: 'spnego-malformed', message: `${message} (RFC 4178 §4.2).`, offset };
}

/** The [n] elements of a NegTokenInit or NegTokenResp: a SEQUENCE inside the CHOICE tag. */
function sequenceFields(choice: DerNode, name: string): Map<number, DerNode> | DerFailure | NegotiateTokenFailure {
  const inner = readDerInner(choice);
  if (inner.kind !== 'node') return inner;
  if (!isDer(inner.node, 'universal', 16)) return malformed(`${name} is not a SEQUENCE`, inner.node.offset);
  const children = readDerChildren(inner.node);
  if (children.kind !== 'nodes') return children;
  const fields = new Map<number, DerNode>();
  for (const child of children.nodes) {
    if (child.tagClass !== 'context') continue;
    const value = readDerInner(child);
    if (value.kind !== 'node') return value;
    fields.set(child.tagNumber, value.node);
  }
  return fields;
}

/** NegTokenInit ::= SEQUENCE { mechTypes [0] MechTypeList, reqFlags [1], mechToken [2] OCTET STRING, mechListMIC [3] }. */
export function readNegTokenInit(choice: DerNode): NegotiateTokenRead {
  const fields = sequenceFields(choice, 'NegTokenInit');
  if (!(fields instanceof Map)) return fields;
  const list = fields.get(0);
  if (!list || !isDer(list, 'universal', 16)) return malformed('NegTokenInit has no mechTypes list', choice.offset);
  const oids = readDerChildren(list);
  if (oids.kind !== 'nodes') return oids;
  const mechanisms: NegotiateMechanism[] = [];
  for (const node of oids.nodes) {
    const oid = isDer(node, 'universal', 6) ? decodeOid(node.content) : undefined;
    if (oid === undefined) return malformed('mechTypes holds something that is not an OBJECT IDENTIFIER', node.offset);
    mechanisms.push(nameMechanism(oid));
  }
  const mechToken = fields.get(2);
  // [3] is mechListMIC in RFC 4178, negHints in NegTokenInit2, whose MIC is [4]: an OCTET STRING either way.
  const mechListMic = [fields.get(3), fields.get(4)].some((f) => f !== undefined && isDer(f, 'universal', 4));
  return {
    kind: 'token',
    token: { kind: 'spnego-init', mechanisms, mechToken: mechToken && octets(mechToken) ? readInnerToken(mechToken) : undefined, mechListMic },
  };
}

/** NegTokenResp ::= SEQUENCE { negState [0] ENUMERATED, supportedMech [1], responseToken [2], mechListMIC [3] }. */
export function readNegTokenResp(choice: DerNode): NegotiateTokenRead {
  const fields = sequenceFields(choice, 'NegTokenResp');
  if (!(fields instanceof Map)) return fields;
  const state = fields.get(0);
  let negState: SpnegoNegState | undefined;
  if (state) {
    const value = isDer(state, 'universal', 10) && state.content.length === 1 ? NEG_STATES[state.content[0] ?? 255] : undefined;
    if (value === undefined) return malformed('negState is not one of its four ENUMERATED values', state.offset);
    negState = value;
  }
  const mech = fields.get(1);
  const oid = mech && isDer(mech, 'universal', 6) ? decodeOid(mech.content) : undefined;
  if (mech && oid === undefined) return malformed('supportedMech is not an OBJECT IDENTIFIER', mech.offset);
  const response = fields.get(2);
  return {
    kind: 'token',
    token: {
      kind: 'spnego-response',
      negState,
      supportedMechanism: oid === undefined ? undefined : nameMechanism(oid),
      responseToken: response && octets(response) ? readInnerToken(response) : undefined,
      mechListMic: fields.get(3) !== undefined,
    },
  };
}

function octets(node: DerNode): boolean {
  return isDer(node, 'universal', 4);
}

/** The NegotiationToken CHOICE after the SPNEGO OID of an InitialContextToken, or at the top of a later token. */
export function readNegotiationToken(bytes: Uint8Array, at: number, base: number): NegotiateTokenRead {
  const choice = readDer(bytes, at, base);
  if (choice.kind !== 'node') return choice;
  if (isDer(choice.node, 'context', 0)) return readNegTokenInit(choice.node);
  if (isDer(choice.node, 'context', 1)) return readNegTokenResp(choice.node);
  return malformed('A NegotiationToken is [0] NegTokenInit or [1] NegTokenResp', choice.node.offset);
}
