// The Negotiate scheme (RFC 4559): SPNEGO tokens (RFC 4178) read far enough to name the mechanisms and
// reach the NTLM or Kerberos token inside; raw NTLM recognised as Windows servers accept it.
export { DER_MAX_ELEMENTS, type DerFailureKind } from './der';
export { KERBEROS_OIDS, NEGOTIATE_MECHANISMS, NTLMSSP_OID, SPNEGO_OID, type NegotiateMechanism, decodeOid } from './oid';
export { type KerberosToken, type KerberosTokenId } from './kerberos';
export {
  NEGOTIATE_MAX_TOKEN_BYTES,
  type NegotiateInnerToken,
  type NegotiateToken,
  type NegotiateTokenFailure,
  type NegotiateTokenFailureKind,
  type NegotiateTokenRead,
  type SpnegoNegState,
} from './token-types';
export { readNegotiateToken } from './read';
export { buildSpnegoInit, buildSpnegoResponse } from './build';
export { negotiateChallenge, readNegotiateCredentials } from './header';
