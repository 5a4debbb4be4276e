import {
  constantTimeEqualText,
  digestHA1,
  digestReplayKey,
  digestReplayRejection,
  digestResponse,
  getParam,
  readDigestChallenge,
  verifyDigestCredentials,
  type Credentials,
  type DigestChallenge,
  type DigestExchange,
} from '@/lib/http-auth';
import type { CredentialsInput } from './case-input';
import { CASE_NONCE_LIFETIME_MS, checkCaseNonce } from './case-nonce';
import type { CredentialsCheck } from './observation';

/** How long a case's nc count is remembered: past any case nonce's life (case-nonce.ts). */
const NC_MEMORY_MS = CASE_NONCE_LIFETIME_MS + 60_000;

// Digest credentials against the case's Digest challenges (RFC 7616 §3.4): the challenge they answer is
// the one with their algorithm and realm; the library verifies them, the nonce is the case's signed one.
// A challenge without qop is the RFC 2069 form, which verifyDigestCredentials refuses by design (RFC 7616
// no longer has it); a case that sends one on purpose checks that form here, with the library's formulas.

export type DigestCheck = { check: CredentialsCheck; malformed: boolean; exchange?: DigestExchange };

const refused = (reason: string, detail: string, malformed = false): DigestCheck => ({ check: { kind: 'refused', reason, detail }, malformed });

function answeredChallenge(input: CredentialsInput, credentials: Credentials): DigestChallenge | undefined {
  const algorithm = (getParam(credentials.params, 'algorithm') ?? 'MD5').toUpperCase();
  const realm = getParam(credentials.params, 'realm');
  const digests = input.offered.flatMap((challenge) => {
    const read = challenge.scheme.toLowerCase() === 'digest' ? readDigestChallenge(challenge) : undefined;
    return read?.ok ? [read.value] : [];
  });
  const sameAlgorithm = digests.filter((d) => d.algorithm.name.toUpperCase() === algorithm);
  return sameAlgorithm.find((d) => d.realm === realm) ?? sameAlgorithm[0];
}

/** RFC 2617 §3.2.2's compatibility form: response = KD(H(A1), nonce ":" H(A2)), no qop, nc or cnonce. */
function checkLegacy(input: CredentialsInput, credentials: Credentials, challenge: DigestChallenge): DigestCheck {
  const p = (name: string) => getParam(credentials.params, name);
  if (p('qop') !== undefined) return refused('qop-not-offered', `qop=${p('qop') ?? ''} was not offered: the challenge had no qop.`, true);
  const [username, realm, nonce, uri, response] = ['username', 'realm', 'nonce', 'uri', 'response'].map(p);
  if (username === undefined || realm === undefined || nonce === undefined || uri === undefined || response === undefined) {
    return refused('malformed', 'Missing username, realm, nonce, uri or response (RFC 2617 §3.2.2).', true);
  }
  if (realm !== challenge.realm) return refused('wrong-realm', `realm "${realm}" is not the challenge's "${challenge.realm}".`);
  if (uri !== input.request.target && uri !== input.request.sentTarget) return refused('uri-mismatch', `uri "${uri}" is not the request-target.`, true);
  const state = checkCaseNonce(input.ctx, nonce);
  if (state.kind === 'invalid') return refused('invalid-nonce', 'The nonce was not issued by the lab.');
  const { username: user, password } = input.compatCase.credentials;
  if (username !== user) return refused('unknown-user', 'No such user.');
  const ha1 = digestHA1(challenge.algorithm, { username, realm, password }, { nonce, cnonce: '' });
  const exchange: DigestExchange = { algorithm: challenge.algorithm, ha1, nonce, nc: '', cnonce: '', qop: undefined, uri };
  if (!constantTimeEqualText(digestResponse(exchange, input.request.method, input.request.body), response.toLowerCase())) {
    return refused('wrong-response', 'The response digest does not match: wrong password?');
  }
  if (state.kind === 'stale') return { check: { kind: 'stale', detail: 'The nonce has expired; the response was right.' }, malformed: false };
  return { check: { kind: 'verified', user }, malformed: false, exchange };
}

export async function checkDigestForCase(input: CredentialsInput, credentials: Credentials): Promise<DigestCheck> {
  const challenge = answeredChallenge(input, credentials);
  if (challenge === undefined) return refused('algorithm-not-offered', `algorithm=${getParam(credentials.params, 'algorithm') ?? 'MD5'} was not offered.`);
  // RFC 7616 §3.3: opaque "MUST be returned by the client unchanged".
  if (challenge.opaque !== undefined && getParam(credentials.params, 'opaque') !== challenge.opaque) {
    return refused('opaque-changed', 'opaque was not returned unchanged (RFC 7616 §3.3).');
  }
  if (challenge.qop.length === 0) return checkLegacy(input, credentials, challenge);
  const { username, password } = input.compatCase.credentials;
  const verification = verifyDigestCredentials({
    credentials,
    request: {
      method: input.request.method,
      uri: input.request.target,
      ...(input.request.sentTarget ? { sentUri: input.request.sentTarget } : {}),
      body: input.request.body,
    },
    server: { realm: challenge.realm, algorithms: [challenge.algorithm.name], qop: challenge.qop },
    checkNonce: (nonce) => {
      const state = checkCaseNonce(input.ctx, nonce);
      return state.kind === 'invalid' ? state : { kind: state.kind, issuedAt: 0 };
    },
    lookupPassword: (name) => (name === username ? password : undefined),
    usernames: [username],
  });
  if (verification.kind === 'accepted') {
    // RFC 7616 §3.4.5: nc goes up with each request on a nonce; checked in the lab's shared store, as the engine does.
    const { exchange } = verification;
    const fresh = await input.ctx.store.raise('digest-nc', digestReplayKey(exchange), parseInt(exchange.nc, 16), input.ctx.now() + NC_MEMORY_MS);
    if (!fresh) {
      const replay = digestReplayRejection(exchange.nc);
      return refused(replay.reason, replay.message);
    }
    return { check: { kind: 'verified', user: verification.username }, malformed: false, exchange };
  }
  if (verification.stale) return { check: { kind: 'stale', detail: verification.message }, malformed: false };
  return refused(verification.reason, verification.message, verification.status === 400);
}
