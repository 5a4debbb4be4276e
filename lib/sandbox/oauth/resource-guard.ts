// What every resource of the lab's authorization server does before it answers: read the Bearer token
// (RFC 6750 §2.1), check it as RFC 9068 §4 says, and refuse with the challenge that tells a client what to
// do next. The 401 always names the resource's metadata (RFC 9728 §5.1), so discovery can start from any
// refusal, and a token for another resource is refused with that reason (RFC 8707 §2).
import { bearerChallenge, formatChallenge, readBearerToken } from '@/lib/http-auth';
import { headerValues, type SandboxRequest, type SandboxResponse } from '../message';
import type { TraceStep } from '../engine/trace';
import { problemResponse } from '../problem';
import { checkAccessToken, type AccessTokenCheck } from './access-token';
import { issuerFor, labMetadataUrls, resourceFor, type LabResource, type StepUpPolicy } from './lab-metadata';

export type ResourceAccess =
  | { kind: 'refused'; response: SandboxResponse; trace: TraceStep[] }
  | {
      kind: 'granted';
      trace: TraceStep[];
      /** The resource's identifier, the token's aud. */
      resource: string;
      token: string;
      subject: string;
      clientId: string;
      scope: string[];
      expiresInSeconds: number;
      /** How and when the user signed in, when the token says (RFC 9068 §2.2.1). */
      acr?: string;
      authTime?: number;
    };

/** Why a token was refused, in a sentence for error_description (RFC 6750 §3.1 lets it be free text). */
export function refusalReason(check: Exclude<AccessTokenCheck, { kind: 'valid' }>, resource: string): string {
  switch (check.kind) {
    case 'wrong-audience':
      return `This token is for ${check.audience.join(', ') || 'no audience'}, not ${resource}: ask for a token with resource=${resource} (RFC 8707 §2, RFC 9068 §4).`;
    case 'wrong-issuer':
      return `This token was issued by ${check.issuer ?? 'nobody'}, not by this lab's authorization server.`;
    case 'wrong-type':
      return `This is not an access token (typ ${check.type ?? 'missing'}, not at+jwt; RFC 9068 §4).`;
    case 'expired':
      return `The token expired ${check.expiredSecondsAgo} s ago.`;
    case 'bad-signature':
      return 'The token is not signed by this lab (RFC 9068 §4).';
    case 'malformed':
      return 'The token is not a JWT.';
    default: {
      const never: never = check;
      return never;
    }
  }
}

/** error_description is limited to %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3): "§" is spelled out, anything else outside becomes "?". */
const descriptionCharacters = (text: string) => text.replace(/§/g, 'section ').replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');

export async function guardResource(
  request: SandboxRequest,
  labResource: LabResource,
  options: { origin: string; secret: Uint8Array; now: number },
): Promise<ResourceAccess> {
  const { origin } = options;
  const resource = resourceFor(origin, labResource.path);
  const resourceMetadata = labMetadataUrls(origin, labResource.path).protectedResource;
  const challenge = (params: Parameters<typeof bearerChallenge>[0]) => formatChallenge(bearerChallenge({ realm: 'lab', resourceMetadata, ...params }));
  const refuse = (status: number, detail: string, challengeValue: string, step: TraceStep): ResourceAccess => ({
    kind: 'refused',
    response: problemResponse({ status, detail }, [['WWW-Authenticate', challengeValue]]),
    trace: [{ kind: 'hop', hop: 'origin', realm: 'lab' }, step],
  });
  const authorization = headerValues(request.headers, 'Authorization');
  if (authorization.length === 0) {
    // RFC 6750 §3.1: no credentials, no error code; RFC 9728 §5.1: where to get some.
    return refuse(
      401,
      'No token: follow resource_metadata in WWW-Authenticate to find where to get one (RFC 9728 §5.1).',
      challenge({ scope: [labResource.scope] }),
      { kind: 'no-credentials', hop: 'origin', field: 'Authorization' },
    );
  }
  const token = authorization.length === 1 ? readBearerToken(authorization[0] ?? '') : undefined;
  if (!token?.ok) {
    return refuse(
      400,
      'Send one Authorization: Bearer <token> field (RFC 6750 §2.1).',
      challenge({ error: 'invalid_request', errorDescription: 'Send one Authorization: Bearer field' }),
      authorization.length > 1
        ? { kind: 'repeated-credentials', hop: 'origin', field: 'Authorization', count: authorization.length }
        : {
            kind: 'malformed-credentials',
            hop: 'origin',
            field: 'Authorization',
            message: token?.ok === false ? token.error.message : 'not Bearer credentials',
            index: 0,
          },
    );
  }
  const check = await checkAccessToken(token.value, { secret: options.secret, now: options.now, issuer: issuerFor(origin), resource });
  if (check.kind !== 'valid') {
    const description = refusalReason(check, resource);
    return refuse(401, description, challenge({ error: 'invalid_token', errorDescription: descriptionCharacters(description) }), {
      kind: 'access-token-refused',
      reason: description,
    });
  }
  if (!check.scope.includes(labResource.scope)) {
    return refuse(
      403,
      `The token lacks the scope ${labResource.scope} (RFC 6750 §3.1).`,
      challenge({ error: 'insufficient_scope', scope: [labResource.scope] }),
      { kind: 'scope-missing', missing: [labResource.scope], status: 403 },
    );
  }
  const stepUp = labResource.stepUp && stepUpNeeded(labResource.stepUp, check, options.now);
  if (stepUp) {
    return refuse(
      401,
      stepUp,
      challenge({
        error: 'insufficient_user_authentication',
        errorDescription: descriptionCharacters(stepUp),
        acrValues: [labResource.stepUp?.acr ?? ''],
        maxAge: labResource.stepUp?.maxAgeSeconds,
      }),
      { kind: 'step-up-needed', reason: stepUp },
    );
  }
  return {
    kind: 'granted',
    trace: [
      { kind: 'hop', hop: 'origin', realm: 'lab' },
      { kind: 'authenticated', hop: 'origin', user: check.subject, scheme: 'Bearer', scopes: check.scope, expiresInSeconds: check.expiresInSeconds },
      { kind: 'granted', user: check.subject },
    ],
    resource,
    token: token.value,
    subject: check.subject,
    clientId: check.clientId,
    scope: check.scope,
    expiresInSeconds: check.expiresInSeconds,
    ...(check.acr === undefined ? {} : { acr: check.acr }),
    ...(check.authTime === undefined ? {} : { authTime: check.authTime }),
  };
}

/**
 * Why the sign-in behind a valid token is not enough for `policy`, or undefined (RFC 9470 §3). The answer
 * names both acr_values and max_age, so one new authorization request satisfies both.
 */
function stepUpNeeded(policy: StepUpPolicy, check: { acr?: string; authTime?: number }, now: number): string | undefined {
  if (check.acr !== policy.acr)
    return `This resource needs a sign-in with a second factor (acr ${policy.acr}); this token's sign-in was acr ${check.acr ?? 'unknown'}. Ask for authorization again with acr_values=${policy.acr} (RFC 9470 §4).`;
  const age = check.authTime === undefined ? undefined : Math.floor(now / 1000) - check.authTime;
  if (age === undefined || age > policy.maxAgeSeconds)
    return `This resource needs a sign-in at most ${policy.maxAgeSeconds} s old; this token's was ${age === undefined ? 'at an unknown time' : `${age} s ago`}. Ask for authorization again with max_age=${policy.maxAgeSeconds} (RFC 9470 §4).`;
  return undefined;
}
