import { decodeBase64 } from '../../bytes/base64';
import { readNtlmMessage } from '../ntlm/read';
import { readGssToken } from './gss';
import { startsWithNtlmSignature } from './ntlm-signature';
import { readNegotiationToken } from './spnego';
import { NEGOTIATE_MAX_TOKEN_BYTES, type NegotiateTokenRead } from './token-types';

// RFC 4559 §4: `Negotiate <base64 GSS-API token>`. Tells apart what real clients send: SPNEGO's first
// token (0x60, GSS framing), SPNEGO's later tokens (0xa1, NegTokenResp, no framing), a bare Kerberos GSS
// token, and raw NTLMSSP, which Windows servers accept inside Negotiate. Never throws.

export function readNegotiateToken(input: string | Uint8Array): NegotiateTokenRead {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    if (input.length > Math.ceil(NEGOTIATE_MAX_TOKEN_BYTES / 3) * 4) {
      return { kind: 'oversized', message: `${input.length} characters of base64 is more than the lab reads (${NEGOTIATE_MAX_TOKEN_BYTES} bytes).`, offset: 0 };
    }
    const decoded = decodeBase64(input);
    if (decoded.kind === 'invalid') return { kind: 'not-base64', message: `The token is not base64: ${decoded.reason}.`, offset: decoded.index };
    bytes = decoded.bytes;
  } else bytes = input;
  if (bytes.length > NEGOTIATE_MAX_TOKEN_BYTES)
    return { kind: 'oversized', message: `${bytes.length} bytes is more than the lab reads (${NEGOTIATE_MAX_TOKEN_BYTES}).`, offset: 0 };
  if (bytes.length === 0) return { kind: 'empty', message: 'An empty token: RFC 4559 §4 sends a bare `Negotiate` instead.', offset: 0 };
  if (startsWithNtlmSignature(bytes)) return { kind: 'token', token: { kind: 'ntlm', read: readNtlmMessage(bytes) } };
  if (bytes[0] === 0x60) return readGssToken(bytes);
  if (bytes[0] === 0xa1 || bytes[0] === 0xa0) return readNegotiationToken(bytes, 0, 0);
  return { kind: 'unrecognised', message: 'Neither SPNEGO (RFC 4178), a GSS-API token (RFC 2743 §3.1) nor an NTLM message ("NTLMSSP\\0").', offset: 0 };
}
