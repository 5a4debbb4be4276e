import { bearerTokenOf } from '@/lib/http-auth';
import { checkToken } from '../tokens';
import { refused, type AuthAttempt, type AuthOutcome } from './outcome';

// RFC 6750: a token this sandbox issued, unexpired, signed with the shared secret.
export async function authenticateBearer(attempt: AuthAttempt): Promise<AuthOutcome> {
  const { hop, layer, fieldValue, ctx, credentials } = attempt;
  // checkCredentials parsed the field already to find its scheme.
  const read = bearerTokenOf(credentials, fieldValue);
  if (!read.ok) {
    // RFC 6750 §3.1: a malformed request is invalid_request, 400.
    return refused(
      400,
      `The Bearer credentials are malformed: ${read.error.message}`,
      [{ kind: 'malformed-credentials', hop, field: 'Authorization', message: read.error.message, index: read.error.index }],
      { kind: 'bearer-invalid-request' },
    );
  }
  const check = await checkToken(read.value, { now: ctx.now(), secret: ctx.secret });
  switch (check.kind) {
    case 'valid': {
      const user = layer.users.find((candidate) => candidate.name === check.subject);
      const trace = [
        { kind: 'authenticated' as const, hop, user: check.subject, scheme: 'Bearer', scopes: check.scope, expiresInSeconds: check.expiresInSeconds },
      ];
      return { kind: 'authenticated', user: check.subject, scheme: 'Bearer', roles: user?.roles ?? [], scopes: check.scope, trace };
    }
    case 'expired': {
      const description = `The access token expired ${check.expiredSecondsAgo} s ago`;
      return refused(
        401,
        `${description}; get a new one and retry once.`,
        [{ kind: 'token-rejected', hop, reason: 'expired', expiredSecondsAgo: check.expiredSecondsAgo }],
        {
          kind: 'bearer-invalid-token',
          description,
        },
      );
    }
    case 'bad-signature':
    case 'wrong-audience':
    case 'malformed': {
      const description = check.kind === 'bad-signature' ? 'The access token signature is invalid' : 'The access token is not one this server issued';
      return refused(401, `${description}.`, [{ kind: 'token-rejected', hop, reason: check.kind }], { kind: 'bearer-invalid-token', description });
    }
    default: {
      const never: never = check;
      return never;
    }
  }
}
