// What every resource of the lab's authorization server does before it answers: read the Bearer token
// (RFC 6750 §2.1), check it as RFC 9068 §4 says, and refuse with the challenge that tells a client what to
// do next. The 401 always names the resource's metadata (RFC 9728 §5.1), so discovery can start from any
// refusal, and a token for another resource is refused with that reason (RFC 8707 §2).
import { bearerChallenge, formatChallenge, readBearerToken } from '@/lib/http-auth';
import { headerValues, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { checkAccessToken, type AccessTokenCheck } from './access-token';
import { issuerFor, labMetadataUrls, resourceFor, type LabResource } from './lab-metadata';

export type ResourceAccess =
  | { kind: 'refused'; response: SandboxResponse }
  | {
      kind: 'granted';
      /** The resource's identifier, the token's aud. */
      resource: string;
      token: string;
      subject: string;
      clientId: string;
      scope: string[];
      expiresInSeconds: number;
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

/** error_description is limited to %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3). */
const descriptionCharacters = (text: string) => text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');

export async function guardResource(
  request: SandboxRequest,
  labResource: LabResource,
  options: { origin: string; secret: Uint8Array; now: number },
): Promise<ResourceAccess> {
  const { origin } = options;
  const resource = resourceFor(origin, labResource.path);
  const resourceMetadata = labMetadataUrls(origin, labResource.path).protectedResource;
  const challenge = (params: Parameters<typeof bearerChallenge>[0]) => formatChallenge(bearerChallenge({ realm: 'lab', resourceMetadata, ...params }));
  const refuse = (status: number, detail: string, challengeValue: string): ResourceAccess => ({
    kind: 'refused',
    response: problemResponse({ status, detail }, [['WWW-Authenticate', challengeValue]]),
  });
  const authorization = headerValues(request.headers, 'Authorization');
  if (authorization.length === 0) {
    // RFC 6750 §3.1: no credentials, no error code; RFC 9728 §5.1: where to get some.
    return refuse(
      401,
      'No token: follow resource_metadata in WWW-Authenticate to find where to get one (RFC 9728 §5.1).',
      challenge({ scope: [labResource.scope] }),
    );
  }
  const token = authorization.length === 1 ? readBearerToken(authorization[0] ?? '') : undefined;
  if (!token?.ok) {
    return refuse(
      400,
      'Send one Authorization: Bearer <token> field (RFC 6750 §2.1).',
      challenge({ error: 'invalid_request', errorDescription: 'Send one Authorization: Bearer field' }),
    );
  }
  const check = await checkAccessToken(token.value, { secret: options.secret, now: options.now, issuer: issuerFor(origin), resource });
  if (check.kind !== 'valid') {
    const description = refusalReason(check, resource);
    return refuse(401, description, challenge({ error: 'invalid_token', errorDescription: descriptionCharacters(description) }));
  }
  if (!check.scope.includes(labResource.scope)) {
    return refuse(
      403,
      `The token lacks the scope ${labResource.scope} (RFC 6750 §3.1).`,
      challenge({ error: 'insufficient_scope', scope: [labResource.scope] }),
    );
  }
  return {
    kind: 'granted',
    resource,
    token: token.value,
    subject: check.subject,
    clientId: check.clientId,
    scope: check.scope,
    expiresInSeconds: check.expiresInSeconds,
  };
}
