import { constantTimeEqualText } from '../../bytes/constant-time';
import { getParam } from '../../params';
import { type DigestExchange, digestRspauth } from './compute';

// RFC 7616 §3.5: Authentication-Info proves the server knew the password too (rspauth) and can
// hand over the next nonce.

export function digestAuthenticationInfo(
  exchange: DigestExchange,
  options: { nextnonce?: string; responseBody?: Uint8Array | string } = {},
): Record<string, string> {
  const params: Record<string, string> = {};
  if (exchange.qop !== undefined) params.qop = exchange.qop;
  params.rspauth = digestRspauth(exchange, options.responseBody);
  if (exchange.qop !== undefined) {
    params.cnonce = exchange.cnonce;
    params.nc = exchange.nc;
  }
  if (options.nextnonce !== undefined) params.nextnonce = options.nextnonce;
  return params;
}

/** The client's check of rspauth (and of the echoed cnonce and nc), in constant time. */
export function checkDigestAuthenticationInfo(exchange: DigestExchange, info: Record<string, string>, responseBody?: Uint8Array | string): boolean {
  const rspauth = getParam(info, 'rspauth');
  if (rspauth === undefined) return false;
  const echoed = ['cnonce', 'nc'].every((n) => {
    const v = getParam(info, n);
    return v === undefined || v === (n === 'nc' ? exchange.nc : exchange.cnonce);
  });
  return echoed && constantTimeEqualText(digestRspauth(exchange, responseBody), rspauth.toLowerCase());
}
