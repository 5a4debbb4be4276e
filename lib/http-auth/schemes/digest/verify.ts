import { constantTimeEqualText } from '../../bytes/constant-time';
import { getParam } from '../../params';
import type { Credentials } from '../../types';
import { type DigestAlgorithm, type DigestAlgorithmName, type DigestHash, digestAlgorithm } from './algorithm';
import { type DigestExchange, type DigestQop, digestPasswordHash, digestResponse, digestSessionHA1, digestUserhash } from './compute';
import { decodeExtValue } from './ext-value';
import type { DigestNonceState } from './nonce';

// RFC 7616 §3.4 from the server's side: is this Authorization a correct answer to our challenge?

export type DigestServerOptions = {
  realm: string;
  algorithms: readonly DigestAlgorithmName[];
  qop: readonly DigestQop[];
};

export type DigestVerifyInput = {
  credentials: Credentials;
  /**
   * `uri` is the request-target in origin-form; `sentUri` the one the client wrote when it differs, e.g. the
   * absolute-form a client sends through a proxy. RFC 7616 §3.4.6: the uri parameter names the resource of the
   * request line, so either spelling of that resource is accepted.
   */
  request: { method: string; uri: string; sentUri?: string; body?: Uint8Array | string };
  server: DigestServerOptions;
  checkNonce: (nonce: string) => DigestNonceState;
  lookupPassword: (username: string) => string | undefined;
  /**
   * RFC 7616 §5.2: a server may keep H(username ":" realm ":" password) (digestPasswordHash) rather than the
   * password. Asked first when given, for a user lookupPassword knows; undefined means "compute it".
   */
  lookupPasswordHash?: (username: string, realm: string, hash: DigestHash) => string | undefined;
  /** Needed to resolve `userhash=true` credentials (RFC 7616 §3.4.4): hashes are compared, not reversed. */
  usernames?: readonly string[];
  /**
   * Highest nc seen per nonce and cnonce (the key is both, space-separated); a Map will do. Omit to skip
   * replay detection. See digestReplayKey for why the cnonce is part of the key.
   */
  nonceCounts?: { get(key: string): number | undefined; set(key: string, nc: number): unknown };
};

export type DigestRejectReason =
  | 'wrong-scheme'
  | 'malformed'
  | 'wrong-realm'
  | 'unsupported-algorithm'
  | 'unsupported-qop'
  | 'uri-mismatch'
  | 'invalid-nonce'
  | 'unknown-user'
  | 'wrong-response'
  | 'stale-nonce'
  | 'replayed-nc';

export type DigestVerification =
  | { kind: 'accepted'; username: string; exchange: DigestExchange }
  | { kind: 'rejected'; reason: DigestRejectReason; status: 400 | 401; stale: boolean; message: string };

type Fields = {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  cnonce: string;
  nc: string;
  qop: DigestQop;
  algorithm: DigestAlgorithm;
  userhash: boolean;
};

function reject(reason: DigestRejectReason, message: string, status: 400 | 401 = 401): DigestVerification {
  return { kind: 'rejected', reason, status, stale: reason === 'stale-nonce', message };
}

/** The directives RFC 7616 §3.4 requires that did not come, in the order given. */
function missingDirectives(directives: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(directives)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
}

/** RFC 2617 §3.2.2 (kept by RFC 7616): missing or improper directives get 400 Bad Request. */
function readFields(c: Credentials, server: DigestServerOptions): Fields | DigestVerification {
  const p = (name: string) => getParam(c.params, name);
  const plain = p('username');
  const extended = p('username*');
  if (plain !== undefined && extended !== undefined) return reject('malformed', 'username and username* were both sent (RFC 7616 §3.4).', 400);
  let username = plain;
  if (extended !== undefined) {
    const decoded = decodeExtValue(extended);
    if (decoded.kind === 'invalid') return reject('malformed', `username* is not a valid ext-value: ${decoded.reason}.`, 400);
    username = decoded.text;
  }
  const realm = p('realm');
  const nonce = p('nonce');
  const uri = p('uri');
  const response = p('response');
  const cnonce = p('cnonce');
  const nc = p('nc');
  const qop = p('qop');
  // The list of what is missing is made only when something is: a right answer, every request, needs none (issue 23).
  if (
    username === undefined ||
    realm === undefined ||
    nonce === undefined ||
    uri === undefined ||
    response === undefined ||
    cnonce === undefined ||
    nc === undefined ||
    qop === undefined
  ) {
    const missing = missingDirectives({ username, realm, nonce, uri, response, cnonce, nc, qop });
    if (qop === undefined && nc === undefined && cnonce === undefined) {
      // What wget and Perl's LWP send when they do not support every qop offered (they know only "auth").
      const rest = missing.filter((name) => name !== 'qop' && name !== 'nc' && name !== 'cnonce');
      const also = rest.length > 0 ? ` ${rest.join(', ')} ${rest.length === 1 ? 'is' : 'are'} missing too.` : '';
      return reject(
        'malformed',
        `No qop, nc or cnonce: this is the RFC 2069 form, which RFC 7616 §3.4 no longer accepts. A client sends it when it supports none of the qop values offered.${also}`,
        400,
      );
    }
    return reject('malformed', `Missing ${missing.join(', ')} (RFC 7616 §3.4).`, 400);
  }
  if (!/^[0-9a-fA-F]{8}$/.test(nc ?? '')) return reject('malformed', `nc=${nc ?? ''} is not 8 hex digits (RFC 7616 §3.4).`, 400);
  const algorithm = digestAlgorithm(p('algorithm'));
  if (!algorithm || !server.algorithms.includes(algorithm.name)) {
    return reject('unsupported-algorithm', `algorithm=${p('algorithm') ?? 'MD5'} was not offered.`);
  }
  if (qop !== 'auth' && qop !== 'auth-int') return reject('unsupported-qop', `qop=${qop ?? ''} is neither auth nor auth-int.`, 400);
  if (!server.qop.includes(qop)) return reject('unsupported-qop', `qop=${qop} was not offered.`, 400);
  const userhash = p('userhash')?.toLowerCase() === 'true';
  return {
    username: username ?? '',
    realm: realm ?? '',
    nonce: nonce ?? '',
    uri: uri ?? '',
    response: response ?? '',
    cnonce: cnonce ?? '',
    nc: nc ?? '',
    qop,
    algorithm,
    userhash,
  };
}

function resolveUsername(f: Fields, input: DigestVerifyInput): string | undefined {
  if (!f.userhash) return f.username;
  const hashed = f.username.toLowerCase();
  let found: string | undefined;
  for (const candidate of input.usernames ?? []) {
    if (constantTimeEqualText(digestUserhash(f.algorithm.hash, candidate, f.realm), hashed)) found = candidate;
  }
  return found;
}

/**
 * RFC 7616 §3.4 has nc count every request sent with a nonce, so that a server can refuse a repeat.
 * Chromium does not keep that count when it retries through a proxy: after the origin's 401 it answers
 * the proxy's nonce again with nc=00000001 and a new cnonce. That is no replay: the response covers the
 * cnonce, so only someone who knows the password can produce it. A captured request sent again repeats
 * nonce, cnonce and nc together, and that is what is refused.
 */
export function digestReplayKey(exchange: { nonce: string; cnonce: string }): string {
  return `${exchange.nonce} ${exchange.cnonce}`;
}

/**
 * The refusal of an nc that does not go up for its nonce and cnonce. Exported for a server that keeps the
 * counts somewhere shared (asynchronously) and checks them after verifyDigestCredentials accepted.
 */
export function digestReplayRejection(nc: string): Extract<DigestVerification, { kind: 'rejected' }> {
  return {
    kind: 'rejected',
    reason: 'replayed-nc',
    status: 401,
    stale: false,
    message: `nc=${nc} was already used with this nonce and cnonce: a replay (RFC 7616 §3.4).`,
  };
}

/**
 * Checks in the order that keeps `stale` honest: RFC 7616 §3.3 says to set stale=true only when the
 * response was right for the old nonce, so the response is checked before the nonce's age.
 */
export function verifyDigestCredentials(input: DigestVerifyInput): DigestVerification {
  const { credentials, request, server } = input;
  if (credentials.scheme.toLowerCase() !== 'digest') return reject('wrong-scheme', `'${credentials.scheme}' credentials, not Digest.`);
  const f = readFields(credentials, server);
  if ('kind' in f) return f;
  if (f.realm !== server.realm) return reject('wrong-realm', `realm "${f.realm}" is not this server's "${server.realm}".`);
  if (f.uri !== request.uri && (request.sentUri === undefined || f.uri !== request.sentUri))
    return reject('uri-mismatch', `uri "${f.uri}" is not the request-target "${request.uri}" (RFC 7616 §3.4.6).`, 400);
  const nonceState = input.checkNonce(f.nonce);
  if (nonceState.kind === 'invalid') return reject('invalid-nonce', 'The nonce was not issued by this server.');
  const username = resolveUsername(f, input);
  const password = username === undefined ? undefined : input.lookupPassword(username);
  if (username === undefined || password === undefined) return reject('unknown-user', 'No such user.');
  const passwordHash =
    input.lookupPasswordHash?.(username, f.realm, f.algorithm.hash) ?? digestPasswordHash(f.algorithm.hash, { username, realm: f.realm, password });
  const ha1 = digestSessionHA1(f.algorithm, passwordHash, f);
  const exchange: DigestExchange = { algorithm: f.algorithm, ha1, nonce: f.nonce, nc: f.nc, cnonce: f.cnonce, qop: f.qop, uri: f.uri };
  const expected = digestResponse(exchange, request.method, request.body);
  if (!constantTimeEqualText(expected, f.response.toLowerCase())) return reject('wrong-response', 'The response digest does not match: wrong password?');
  if (nonceState.kind === 'stale') return reject('stale-nonce', 'The nonce has expired; the response was right, so retry with the new nonce (stale=true).');
  if (input.nonceCounts) {
    const count = parseInt(f.nc, 16);
    const key = digestReplayKey(f);
    const last = input.nonceCounts.get(key);
    if (last !== undefined && count <= last) return digestReplayRejection(f.nc);
    input.nonceCounts.set(key, count);
  }
  return { kind: 'accepted', username, exchange };
}
