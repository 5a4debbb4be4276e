// What every resource of the lab's authorization server does before it answers: read the token (Bearer,
// RFC 6750 §2.1; or DPoP with its proof, RFC 9449 §7.1, where the resource takes it), check it as RFC 9068 §4
// says, and refuse with the challenge that tells a client what to do next. The 401 always names the resource's metadata (RFC 9728 §5.1), so discovery can start from any
// refusal, and a token for another resource is refused with that reason (RFC 8707 §2).
import {
  bearerChallenge,
  dpopChallenge,
  formatChallenge,
  readBearerToken,
  readDpopToken,
  type BearerChallengeOptions,
  type DpopErrorCode,
  type OAuthChallengeOptions,
} from '@/lib/http-auth';
import { safeDescription } from '@/lib/oauth/oauth-error';
import { headerValues, type HeaderList, type SandboxRequest, type SandboxResponse } from '../message';
import type { TraceStep } from '../engine/trace';
import { problemResponse } from '../problem';
import { checkAccessToken, type AccessTokenCheck } from './access-token';
import { checkProofAtLab, dpopNonceField, LAB_DPOP_ALGS, type SeenProofs } from './dpop-proof';
import { issuerFor, labMetadataUrls, resourceFor, type LabResource, type StepUpPolicy } from './lab-metadata';

export type ResourceAccess =
  | { kind: 'refused'; response: SandboxResponse; trace: TraceStep[] }
  | {
      kind: 'granted';
      trace: TraceStep[];
      /** The resource's identifier, the token's aud. */
      resource: string;
      token: string;
      /** How the token came: Bearer, or DPoP with a proof of its key (RFC 9449 §7.1). */
      scheme: 'Bearer' | 'DPoP';
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

export type GuardOptions = {
  origin: string;
  secret: Uint8Array;
  now: number;
  /** DPoP proofs already accepted (RFC 9449 §11.1), for resources that take DPoP. */
  seenProofs: SeenProofs;
};

type Scheme = 'Bearer' | 'DPoP';

/** The credentials of the request's one Authorization field, by scheme. */
function readCredentials(value: string): { scheme: Scheme; token: string } | undefined {
  const bearer = readBearerToken(value);
  if (bearer.ok) return { scheme: 'Bearer', token: bearer.value };
  const dpop = readDpopToken(value);
  return dpop.ok ? { scheme: 'DPoP', token: dpop.value } : undefined;
}

export async function guardResource(request: SandboxRequest, labResource: LabResource, options: GuardOptions): Promise<ResourceAccess> {
  const { origin } = options;
  const resource = resourceFor(origin, labResource.path);
  const resourceMetadata = labMetadataUrls(origin, labResource.path).protectedResource;
  const dpop = labResource.dpop;
  const takesBearer = dpop?.only !== true;
  // RFC 9449 §7.1 and §7.2: a DPoP challenge names the accepted algorithms; the same parameters otherwise.
  const challenge = (scheme: Scheme, params: OAuthChallengeOptions & { error?: DpopErrorCode }) =>
    scheme === 'DPoP'
      ? formatChallenge(dpopChallenge({ realm: 'lab', resourceMetadata, ...params, algs: LAB_DPOP_ALGS }))
      : formatChallenge(bearerChallenge({ realm: 'lab', resourceMetadata, ...(params as BearerChallengeOptions) }));
  const refuse = (
    status: number,
    detail: string,
    scheme: Scheme,
    params: Parameters<typeof challenge>[1],
    step: TraceStep,
    extra: HeaderList = [],
  ): ResourceAccess => ({
    kind: 'refused',
    response: problemResponse({ status, detail }, [
      [
        'WWW-Authenticate',
        challenge(scheme, { ...params, ...(params.errorDescription === undefined ? {} : { errorDescription: safeDescription(params.errorDescription) }) }),
      ],
      ...extra,
    ]),
    trace: [{ kind: 'hop', hop: 'origin', realm: 'lab' }, step],
  });
  const authorization = headerValues(request.headers, 'Authorization');
  if (authorization.length === 0) {
    // RFC 6750 §3.1: no credentials, no error code; RFC 9728 §5.1: where to get some. A resource that takes
    // both schemes sends both challenges (RFC 9449 §7.2).
    const params = { scope: [labResource.scope] };
    const challenges: HeaderList = [
      ...(takesBearer ? ([['WWW-Authenticate', challenge('Bearer', params)]] as HeaderList) : []),
      ...(dpop ? ([['WWW-Authenticate', challenge('DPoP', params)]] as HeaderList) : []),
    ];
    return {
      kind: 'refused',
      response: problemResponse(
        { status: 401, detail: 'No token: follow resource_metadata in WWW-Authenticate to find where to get one (RFC 9728 §5.1).' },
        challenges,
      ),
      trace: [
        { kind: 'hop', hop: 'origin', realm: 'lab' },
        { kind: 'no-credentials', hop: 'origin', field: 'Authorization' },
      ],
    };
  }
  const credentials = authorization.length === 1 ? readCredentials(authorization[0] ?? '') : undefined;
  const usable = credentials && (credentials.scheme === 'DPoP' ? dpop !== undefined : takesBearer) ? credentials : undefined;
  if (!usable) {
    const scheme: Scheme = takesBearer ? 'Bearer' : 'DPoP';
    const wanted = dpop ? (takesBearer ? 'Bearer <token> or DPoP <token>' : 'DPoP <token> with a DPoP proof') : 'Bearer <token>';
    return refuse(
      credentials?.scheme === 'Bearer' && !takesBearer ? 401 : 400,
      `Send one Authorization: ${wanted} field (RFC 6750 §2.1${dpop ? ', RFC 9449 §7.1' : ''}).`,
      scheme,
      credentials?.scheme === 'Bearer' && !takesBearer
        ? {
            error: 'invalid_token',
            errorDescription: 'This resource takes DPoP-bound tokens only: send Authorization: DPoP with a DPoP proof (RFC 9449 §7.1).',
          }
        : { error: 'invalid_request', errorDescription: `Send one Authorization: ${wanted.split(' <')[0]} field` },
      authorization.length > 1
        ? { kind: 'repeated-credentials', hop: 'origin', field: 'Authorization', count: authorization.length }
        : { kind: 'malformed-credentials', hop: 'origin', field: 'Authorization', message: `not ${wanted.split(' <')[0]} credentials`, index: 0 },
    );
  }
  const { scheme, token } = usable;
  const check = await checkAccessToken(token, { secret: options.secret, now: options.now, issuer: issuerFor(origin), resource });
  if (check.kind !== 'valid') {
    const description = refusalReason(check, resource);
    return refuse(401, description, scheme, { error: 'invalid_token', errorDescription: description }, { kind: 'access-token-refused', reason: description });
  }
  if (scheme === 'Bearer' && check.jkt !== undefined) {
    // RFC 9449 §7.2: a DPoP-bound token must never be accepted as a Bearer token, or a thief could drop the proof.
    const description =
      'This token is bound to a key (cnf.jkt): send it as Authorization: DPoP with a proof signed by that key, never as Bearer (RFC 9449 §7.2).';
    return refuse(401, description, 'Bearer', { error: 'invalid_token', errorDescription: description }, { kind: 'access-token-refused', reason: description });
  }
  if (scheme === 'DPoP') {
    if (check.jkt === undefined) {
      const description =
        'This token is not bound to a key: it has no cnf.jkt, so it is a Bearer token. Ask the token endpoint with a DPoP proof for a DPoP token (RFC 9449 §5).';
      return refuse(401, description, 'DPoP', { error: 'invalid_token', errorDescription: description }, { kind: 'access-token-refused', reason: description });
    }
    const proof = await checkProofAtLab(request.headers, {
      method: request.method,
      url: resource,
      secret: options.secret,
      now: options.now,
      seen: options.seenProofs,
      accessToken: token,
      expectedJkt: check.jkt,
      ...(dpop?.nonce ? { nonce: 'resource' as const } : {}),
    });
    if (proof.kind === 'use-nonce')
      // RFC 9449 §9: 401 use_dpop_nonce with the nonce to use in DPoP-Nonce.
      return refuse(
        401,
        proof.description,
        'DPoP',
        { error: 'use_dpop_nonce', errorDescription: proof.description },
        { kind: 'dpop-proof-refused', reason: proof.description, nonce: true },
        await dpopNonceField('resource', options),
      );
    if (proof.kind === 'invalid')
      return refuse(
        401,
        proof.description,
        'DPoP',
        { error: 'invalid_dpop_proof', errorDescription: proof.description },
        { kind: 'dpop-proof-refused', reason: proof.description, nonce: false },
      );
  }
  if (!check.scope.includes(labResource.scope)) {
    return refuse(
      403,
      `The token lacks the scope ${labResource.scope} (RFC 6750 §3.1).`,
      scheme,
      { error: 'insufficient_scope', scope: [labResource.scope] },
      { kind: 'scope-missing', missing: [labResource.scope], status: 403 },
    );
  }
  const stepUp = labResource.stepUp && stepUpNeeded(labResource.stepUp, check, options.now);
  if (stepUp) {
    return refuse(
      401,
      stepUp,
      scheme,
      {
        error: 'insufficient_user_authentication',
        errorDescription: stepUp,
        acrValues: [labResource.stepUp?.acr ?? ''],
        maxAge: labResource.stepUp?.maxAgeSeconds,
      },
      { kind: 'step-up-needed', reason: stepUp },
    );
  }
  return {
    kind: 'granted',
    trace: [
      { kind: 'hop', hop: 'origin', realm: 'lab' },
      { kind: 'authenticated', hop: 'origin', user: check.subject, scheme, scopes: check.scope, expiresInSeconds: check.expiresInSeconds },
      { kind: 'granted', user: check.subject },
    ],
    resource,
    token,
    scheme,
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
