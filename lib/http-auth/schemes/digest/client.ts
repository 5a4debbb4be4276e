import { encodeBase64 } from '../../bytes/base64';
import { failure, success } from '../../diagnostic';
import type { Challenge, Credentials, ParseResult } from '../../types';
import { type DigestExchange, type DigestQop, digestHA1, digestResponse, digestUserhash } from './compute';
import { type DigestChallenge, readDigestChallenge } from './challenge';
import { encodeExtValue } from './ext-value';

// RFC 7616 §3.4 from the client's side: answer a challenge with an Authorization value.

export type DigestClientInput = {
  challenge: Challenge;
  username: string;
  password: string;
  method: string;
  /** The request-target exactly as sent on the request line (RFC 7616 §3.4: uri). */
  uri: string;
  body?: Uint8Array | string;
  /** Requests already sent with this nonce plus one (RFC 7616 §3.4: nc). Defaults to 1. */
  nc?: number;
  cnonce?: string;
  /** Randomness for the cnonce; defaults to Web Crypto. Inject it to make tests deterministic. */
  random?: (length: number) => Uint8Array;
  preferQop?: DigestQop;
};

export type DigestAnswer = { credentials: Credentials; exchange: DigestExchange };

const defaultRandom = (length: number) => crypto.getRandomValues(new Uint8Array(length));

function chooseQop(offered: readonly DigestQop[], preferred: DigestQop | undefined): DigestQop | undefined {
  if (preferred && offered.includes(preferred)) return preferred;
  return offered.includes('auth') ? 'auth' : offered[0];
}

/** RFC 7616 §3.4.4: a user name a quoted-string cannot carry unambiguously goes in username*. */
function needsExtValue(username: string): boolean {
  return /[^\x20-\x7e]/.test(username);
}

function usernameParams(d: DigestChallenge, username: string): Record<string, string> {
  if (d.userhash) return { username: digestUserhash(d.algorithm.hash, username, d.realm) };
  return needsExtValue(username) ? { 'username*': encodeExtValue(username) } : { username };
}

export function answerDigestChallenge(input: DigestClientInput): ParseResult<DigestAnswer> {
  const read = readDigestChallenge(input.challenge);
  if (!read.ok) return read;
  const d = read.value;
  const nc = input.nc ?? 1;
  if (!Number.isInteger(nc) || nc < 1 || nc > 0xffffffff) return failure('digest-bad-nc', 'nc counts requests from 1 up to 8 hex digits (RFC 7616 §3.4).', 0);
  const qop = chooseQop(d.qop, input.preferQop);
  const cnonce = input.cnonce ?? encodeBase64((input.random ?? defaultRandom)(24));
  const ncText = qop === undefined ? '' : nc.toString(16).padStart(8, '0');
  const ha1 = digestHA1(d.algorithm, { username: input.username, realm: d.realm, password: input.password }, { nonce: d.nonce, cnonce });
  const exchange: DigestExchange = { algorithm: d.algorithm, ha1, nonce: d.nonce, nc: ncText, cnonce: qop === undefined ? '' : cnonce, qop, uri: input.uri };
  // Parameter order follows the RFC 7616 §3.9 examples.
  const params: Record<string, string> = { ...usernameParams(d, input.username), realm: d.realm, uri: input.uri, algorithm: d.algorithm.name, nonce: d.nonce };
  if (qop !== undefined) Object.assign(params, { nc: ncText, cnonce, qop });
  params.response = digestResponse(exchange, input.method, input.body);
  if (d.opaque !== undefined) params.opaque = d.opaque;
  if (d.userhash) params.userhash = 'true';
  return success({ credentials: { scheme: 'Digest', params }, exchange }, read.warnings);
}
