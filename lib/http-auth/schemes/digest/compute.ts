import { type DigestAlgorithm, type DigestHash, digestHex } from './algorithm';

// RFC 7616 §3.4.1-§3.4.3 and §3.5: the digest computations, kept apart from any header handling
// so the lessons can show each intermediate value.

export type DigestQop = 'auth' | 'auth-int';

/** What both sides must agree on for one request; enough to compute `response` and `rspauth`. */
export type DigestExchange = {
  algorithm: DigestAlgorithm;
  /** H(A1), already including the `-sess` step. */
  ha1: string;
  nonce: string;
  /** nc as sent: 8 hex digits. Empty for a legacy (RFC 2069) exchange without qop. */
  nc: string;
  cnonce: string;
  qop: DigestQop | undefined;
  uri: string;
};

/**
 * RFC 7616 §3.4.2: H(username ":" realm ":" password), the part of H(A1) that stays the same from one
 * request to the next, and what §5.2 lets a server store instead of the password.
 */
export function digestPasswordHash(hash: DigestHash, user: { username: string; realm: string; password: string }): string {
  return digestHex(hash, `${user.username}:${user.realm}:${user.password}`);
}

/** RFC 7616 §3.4.2: H(A1) from digestPasswordHash's value; `-sess` hashes it again with both nonces. */
export function digestSessionHA1(algorithm: DigestAlgorithm, passwordHash: string, nonces: { nonce: string; cnonce: string }): string {
  return algorithm.session ? digestHex(algorithm.hash, `${passwordHash}:${nonces.nonce}:${nonces.cnonce}`) : passwordHash;
}

/** RFC 7616 §3.4.2: A1 = username ":" realm ":" password; `-sess` hashes that again with both nonces. */
export function digestHA1(
  algorithm: DigestAlgorithm,
  user: { username: string; realm: string; password: string },
  nonces: { nonce: string; cnonce: string },
): string {
  return digestSessionHA1(algorithm, digestPasswordHash(algorithm.hash, user), nonces);
}

/**
 * H(method ":" uri) for qop=auth (and none) by hash, method and uri: a request's own A2 and its rspauth's
 * (empty method) are the same for every request to one resource, so a server signing many of them hashes
 * each once (issue 23). Nothing secret goes in; bounded by starting afresh when full.
 */
const plainHA2 = new Map<string, string>();
const PLAIN_HA2_ENTRIES = 256;

/** RFC 7616 §3.4.3: A2 = method ":" request-uri, with ":" H(body) appended for auth-int. */
export function digestHA2(hash: DigestHash, method: string, uri: string, qop: DigestQop | undefined, body: Uint8Array | string = ''): string {
  if (qop === 'auth-int') return digestHex(hash, `${method}:${uri}:${digestHex(hash, body)}`);
  const a2 = `${method}:${uri}`;
  const key = `${hash} ${a2}`;
  const known = plainHA2.get(key);
  if (known !== undefined) return known;
  const ha2 = digestHex(hash, a2);
  if (plainHA2.size >= PLAIN_HA2_ENTRIES) plainHA2.clear();
  plainHA2.set(key, ha2);
  return ha2;
}

/** RFC 7616 §3.4.1: response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2)), KD(s, d) = H(s ":" d). */
function kd(hash: DigestHash, exchange: DigestExchange, ha2: string): string {
  const data =
    exchange.qop === undefined
      ? `${exchange.nonce}:${ha2}` // RFC 2069 compatibility, no qop
      : `${exchange.nonce}:${exchange.nc}:${exchange.cnonce}:${exchange.qop}:${ha2}`;
  return digestHex(hash, `${exchange.ha1}:${data}`);
}

export function digestResponse(exchange: DigestExchange, method: string, body?: Uint8Array | string): string {
  const hash = exchange.algorithm.hash;
  return kd(hash, exchange, digestHA2(hash, method, exchange.uri, exchange.qop, body));
}

/** RFC 7616 §3.5: rspauth is the response with an empty method, over the response body for auth-int. */
export function digestRspauth(exchange: DigestExchange, responseBody?: Uint8Array | string): string {
  return digestResponse(exchange, '', responseBody);
}

/** RFC 7616 §3.4.4: username = H( username ":" realm ) when the server asked for userhash. */
export function digestUserhash(hash: DigestHash, username: string, realm: string): string {
  return digestHex(hash, `${username}:${realm}`);
}
