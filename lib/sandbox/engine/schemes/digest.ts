import { checkDigestNonce, verifyDigestCredentials, type DigestAlgorithmName, type DigestQop } from '@/lib/http-auth';
import { findScheme } from '../../scenario/scenario';
import { refused, type AuthAttempt, type AuthOutcome } from './outcome';

// RFC 7616: check the response digest against the user's password, the nonce's signature and age,
// and nc against replays.
export function authenticateDigest(attempt: AuthAttempt): AuthOutcome {
  const { hop, layer, request, ctx, credentials } = attempt;
  const scheme = findScheme(layer, 'digest');
  if (!scheme) throw new Error('authenticateDigest called for a layer without Digest');
  const now = ctx.now();
  let issuedAt = now;
  const verification = verifyDigestCredentials({
    credentials,
    request: { method: request.method, uri: request.target, ...(request.sentTarget ? { sentUri: request.sentTarget } : {}), body: request.body },
    server: { realm: layer.realm, algorithms: scheme.algorithms as DigestAlgorithmName[], qop: scheme.qop as DigestQop[] },
    checkNonce: (nonce) => {
      const state = checkDigestNonce(nonce, { secret: ctx.secret, now, maxAgeMs: scheme.nonceLifetimeSeconds * 1000 });
      if (state.kind !== 'invalid') issuedAt = state.issuedAt;
      return state;
    },
    lookupPassword: (name) => layer.users.find((user) => user.name === name)?.password,
    usernames: layer.users.map((user) => user.name),
    nonceCounts: ctx.nonceCounts,
  });
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
