import {
  digestPasswordHash,
  digestReplayKey,
  digestReplayRejection,
  verifyDigestCredentials,
  type DigestAlgorithmName,
  type DigestHash,
  type DigestQop,
  type DigestVerification,
} from '@/lib/http-auth';
import { findScheme, type SandboxUser } from '../../scenario/scenario';
import { checkNonceRemembered } from '../verified-nonces';
import { refused, type AuthAttempt, type AuthOutcome } from './outcome';

// RFC 7616: check the response digest against the user's password, the nonce's signature and age,
// and nc against replays.

/**
 * How long an nc count is kept past its nonce's lifetime: a replay after that is refused as stale anyway;
 * the minute covers clocks that differ a little between instances.
 */
const NC_MARGIN_MS = 60_000;

/**
 * RFC 7616 §5.2: H(username ":" realm ":" password) per user of a scenario, by hash and realm. Scenarios are
 * built once per distinct query and kept, so a user's hash is computed once, not on every request (issue 23);
 * it goes when its scenario does.
 */
const passwordHashes = new WeakMap<SandboxUser, Map<string, string>>();

function storedPasswordHash(user: SandboxUser, realm: string, hash: DigestHash): string {
  let byRealm = passwordHashes.get(user);
  if (!byRealm) passwordHashes.set(user, (byRealm = new Map()));
  const key = `${hash} ${realm}`;
  let stored = byRealm.get(key);
  if (stored === undefined) {
    stored = digestPasswordHash(hash, { username: user.name, realm, password: user.password });
    byRealm.set(key, stored);
  }
  return stored;
}

export function authenticateDigest(attempt: AuthAttempt): AuthOutcome | Promise<AuthOutcome> {
  const { layer, request, ctx, credentials } = attempt;
  const scheme = findScheme(layer, 'digest');
  if (!scheme) throw new Error('authenticateDigest called for a layer without Digest');
  const now = ctx.now();
  let issuedAt = now;
  const verified = verifyDigestCredentials({
    credentials,
    // One shape whether or not a sentTarget came (a conditional spread makes a slower object: issue 23).
    request: { method: request.method, uri: request.target, sentUri: request.sentTarget, body: request.body },
    server: { realm: layer.realm, algorithms: scheme.algorithms as DigestAlgorithmName[], qop: scheme.qop as DigestQop[] },
    checkNonce: (nonce) => {
      const state = checkNonceRemembered(nonce, { secret: ctx.secret, now, maxAgeMs: scheme.nonceLifetimeSeconds * 1000 });
      if (state.kind !== 'invalid') issuedAt = state.issuedAt;
      return state;
    },
    lookupPassword: (name) => layer.users.find((user) => user.name === name)?.password,
    lookupPasswordHash: (name, realm, hash) => {
      const user = layer.users.find((candidate) => candidate.name === name);
      return user && storedPasswordHash(user, realm, hash);
    },
    usernames: layer.users.map((user) => user.name),
  });
  if (verified.kind !== 'accepted') return outcome(attempt, verified, now, issuedAt);
  // RFC 7616 §3.4.5: nc must go up for each request with a nonce (and, see digestReplayKey, cnonce). Checked
  // here, in the store that instances can share, only once the response was right: a wrong guess counts nothing.
  const { exchange } = verified;
  const expiresAt = issuedAt + scheme.nonceLifetimeSeconds * 1000 + NC_MARGIN_MS;
  const raised = ctx.store.raise('digest-nc', digestReplayKey(exchange), parseInt(exchange.nc, 16), expiresAt);
  // The memory store answers at once: no promise on the hot path. Redis answers later.
  if (typeof raised === 'boolean') return outcome(attempt, raised ? verified : digestReplayRejection(exchange.nc), now, issuedAt);
  return raised.then((fresh) => outcome(attempt, fresh ? verified : digestReplayRejection(exchange.nc), now, issuedAt));
}

function outcome(attempt: AuthAttempt, verification: DigestVerification, now: number, issuedAt: number): AuthOutcome {
  const { hop, layer } = attempt;
  if (verification.kind === 'accepted') {
    const user = layer.users.find((candidate) => candidate.name === verification.username);
    return {
      kind: 'authenticated',
      user: verification.username,
      scheme: 'Digest',
      roles: user?.roles ?? [],
      digest: verification.exchange,
      trace: [
        {
          kind: 'authenticated',
          hop,
          user: verification.username,
          scheme: `Digest (${verification.exchange.algorithm.name}, qop=${verification.exchange.qop ?? 'none'})`,
        },
      ],
    };
  }
  if (verification.stale) {
    const ageSeconds = Math.round((now - issuedAt) / 1000);
    return refused(401, 'The nonce has expired; retry with the new nonce in the challenge.', [{ kind: 'digest-stale', hop, ageSeconds }], {
      kind: 'digest-stale',
    });
  }
  return refused(verification.status, `The Digest credentials were refused: ${verification.message}`, [
    { kind: 'digest-rejected', hop, reason: verification.reason, message: verification.message },
  ]);
}
