import { decodeJwt, decodeProtectedHeader } from 'jose';

// What the Bearer helper shows about a token, kept free of React so it is easy to test: the JWT's
// header and claims (decoded, NOT verified), the token endpoint's answer and the countdown text.

export type TokenResponse = { accessToken: string; tokenType: string; expiresIn: number; scope: string };

/** RFC 6749 §5.1: access_token and token_type are required; expires_in is recommended. */
export function readTokenResponse(json: unknown): TokenResponse | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  if (typeof o.access_token !== 'string' || o.access_token === '' || typeof o.token_type !== 'string') return undefined;
  const expiresIn = typeof o.expires_in === 'number' && Number.isFinite(o.expires_in) ? o.expires_in : 0;
  return { accessToken: o.access_token, tokenType: o.token_type, expiresIn, scope: typeof o.scope === 'string' ? o.scope : '' };
}

/** RFC 9457 problem details with RFC 6749 §5.2's members: the most helpful sentence available. */
export function problemMessage(status: number, json: unknown): string {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const text = (key: string) => (typeof o[key] === 'string' && o[key] !== '' ? (o[key] as string) : undefined);
  const detail = text('detail') ?? text('error_description') ?? text('title');
  const code = text('error');
  if (detail && code) return `${status}: ${detail} (error: ${code})`;
  return `${status}: ${detail ?? code ?? 'the token endpoint refused the request.'}`;
}

/**
 * A JWT's protected header and claims as indented JSON, for reading (jose decodes; nothing verifies the
 * signature); undefined, not an exception, when the token is not a JWS compact serialization (RFC 7519 §7.2).
 */
export function prettyJwt(token: string): { header: string; claims: string } | undefined {
  const pretty = (value: object) => JSON.stringify(value, null, 2);
  try {
    return { header: pretty(decodeProtectedHeader(token)), claims: pretty(decodeJwt(token)) };
  } catch {
    return undefined;
  }
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "expires in 4:59" while valid, "expired 12 s ago" after; both in whole seconds. */
export function countdownText(expiresAt: number, now: number): string {
  const left = Math.ceil((expiresAt - now) / 1000);
  if (left > 0) return `expires in ${clock(left)}`;
  const ago = Math.floor((now - expiresAt) / 1000);
  return ago < 60 ? `expired ${ago} s ago` : `expired ${clock(ago)} ago`;
}

/** Long tokens stay readable: the start and the end, with the whole one a copy away. */
export function truncateToken(token: string): string {
  return token.length <= 40 ? token : `${token.slice(0, 24)}…${token.slice(-10)}`;
}
