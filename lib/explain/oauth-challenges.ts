import { type BearerErrorCode, type Challenge, type DpopErrorCode, bearerErrorStatus, dpopErrorStatus, getParam } from '@/lib/http-auth';
import { finding, valueSpan } from './finding';
import type { LocatedChallenge } from './locate';
import { type SourceField, locate } from './source';
import type { ChallengeContext, ChallengeHeader, Finding } from './types';

// The OAuth schemes' challenges, Bearer (RFC 6750 §3) and DPoP (RFC 9449 §7.1): what their error codes
// ask of a client, whether the status goes with the code, and the parameters that say where to get a
// token (RFC 9728 §5.1), how to sign in (RFC 9470 §3) and how to sign proofs (RFC 9449 §7.1).

const BEARER_CODES: readonly BearerErrorCode[] = ['invalid_request', 'invalid_token', 'insufficient_scope', 'insufficient_user_authentication'];
const DPOP_CODES: readonly DpopErrorCode[] = [...BEARER_CODES, 'invalid_dpop_proof', 'use_dpop_nonce'];

/** Where each code's status is set. */
const RULE: Record<DpopErrorCode, string> = {
  invalid_request: 'RFC 6750 §3.1',
  invalid_token: 'RFC 6750 §3.1',
  insufficient_scope: 'RFC 6750 §3.1',
  insufficient_user_authentication: 'RFC 9470 §3',
  invalid_dpop_proof: 'RFC 9449 §7.1',
  use_dpop_nonce: 'RFC 9449 §9',
};

type Scheme = 'bearer' | 'dpop';
type Located = { c: Challenge; field: SourceField; at: LocatedChallenge | undefined };

const span = ({ field, at }: Located, name: string) =>
  valueSpan(
    field,
    at?.params.find((p) => p.name === name),
  );

/** The findings for one Bearer or DPoP challenge; none for other schemes. */
export function oauthFindings(
  c: Challenge,
  field: SourceField,
  at: LocatedChallenge | undefined,
  ctx: ChallengeContext & { header: ChallengeHeader },
): Finding[] {
  const scheme = c.scheme.toLowerCase();
  if (scheme !== 'bearer' && scheme !== 'dpop') return [];
  const where: Located = { c, field, at };
  const proxy =
    scheme === 'dpop' && ctx.header === 'Proxy-Authenticate'
      ? [
          finding(
            'error',
            'dpop-proxy',
            'DPoP authenticates to origin servers only: it must not be used in Proxy-Authenticate or Proxy-Authorization (RFC 9449 §7.1).',
            at ? locate(field, at.schemeIndex, c.scheme.length) : locate(field, 0, field.value.length),
          ),
        ]
      : [];
  return [...proxy, ...errorFindings(where, scheme, ctx), ...algsFinding(where, scheme), ...resourceMetadataFinding(where)];
}

function errorFindings(where: Located, scheme: Scheme, ctx: ChallengeContext): Finding[] {
  const error = getParam(where.c.params, 'error');
  const code = scheme === 'bearer' ? BEARER_CODES.find((k) => k === error) : DPOP_CODES.find((k) => k === error);
  if (code === undefined) return [];
  const at = span(where, 'error');
  const out: Finding[] = [];
  const expected = scheme === 'bearer' ? bearerErrorStatus(code as BearerErrorCode) : dpopErrorStatus(code);
  const rfc = RULE[code];
  if (ctx.status !== undefined && ctx.status !== expected) {
    const why =
      ctx.status === 403
        ? ' A 403 says the credentials were fine but not enough; only insufficient_scope means that.'
        : ctx.status === 401 && code === 'insufficient_scope'
          ? ' A 401 says "authenticate (again)", yet the token was valid: it needs a broader scope, not a retry.'
          : ctx.status === 400 && code.includes('dpop')
            ? ' A token endpoint answers it with 400, in a JSON error body rather than a challenge (RFC 9449 §5, §8).'
            : '';
    out.push(finding('warning', `${scheme}-error-status`, `error="${code}" goes with ${expected}, not ${ctx.status} (${rfc}).${why}`, at));
  }
  if (ctx.requestWithoutCredentials) {
    out.push(
      finding(
        'warning',
        `${scheme}-error-without-credentials`,
        `The request carried no credentials, so the server should not send an error code (RFC 6750 §3.1${scheme === 'dpop' ? ', RFC 9449 §7.2' : ''}).`,
        at,
      ),
    );
  }
  out.push(finding('info', `${scheme}-${code.replace(/_/g, '-')}`, explainError(where.c, scheme, code), at));
  return out;
}

function explainError(c: Challenge, scheme: Scheme, code: DpopErrorCode): string {
  const description = getParam(c.params, 'error_description');
  const says = description ? ` The server says: "${description}".` : '';
  const scope = getParam(c.params, 'scope');
  switch (code) {
    case 'invalid_token':
      return scheme === 'bearer'
        ? `invalid_token: the token is expired, revoked, malformed or wrongly signed (RFC 6750 §3.1). Sending it again fails again; get a new one (refresh) and retry once.${says}`
        : `invalid_token: the token is expired, revoked or malformed, or the proof's key is not the one the token is bound to (RFC 6750 §3.1, RFC 9449 §6). Get a new token with this key (refresh) and retry once.${says}`;
    case 'insufficient_scope':
      return `insufficient_scope: the token is valid but lacks the scope this needs${scope ? ` ("${scope}")` : ''} (RFC 6750 §3.1). Ask for a token with that scope.${says}`;
    case 'invalid_request':
      return `invalid_request: the request itself is malformed, e.g. a missing parameter or the token sent twice (RFC 6750 §3.1). Fix the request.${says}`;
    case 'insufficient_user_authentication':
      return `insufficient_user_authentication: the token is valid, but the sign-in behind it is not strong or not recent enough for this resource (RFC 9470 §3). ${stepUpAdvice(c)}${says}`;
    case 'invalid_dpop_proof':
      return `invalid_dpop_proof: the DPoP proof failed a check of RFC 9449 §4.3 (its signature, typ, alg, jwk, htm, htu, iat, nonce or ath). Make a new proof for this very request, signed with the key the token is bound to, and retry.${says}`;
    case 'use_dpop_nonce':
      return `use_dpop_nonce: the resource wants a nonce of its own in the proof (RFC 9449 §9). Take this response's DPoP-Nonce value, put it in the nonce claim of a new proof and retry; DPoP clients such as oauth4webapi do this by themselves.${says}`;
    default: {
      const never: never = code;
      return never;
    }
  }
}

/** RFC 9470 §4: the requirements go into a new authorization request, and the new token is sent instead. */
export function stepUpAdvice(c: Challenge): string {
  const acr = getParam(c.params, 'acr_values');
  const maxAge = getParam(c.params, 'max_age');
  const asks = [
    acr ? `acr_values=${acr} (one of these ways of signing in, the first preferred)` : undefined,
    maxAge ? `max_age=${maxAge} (a sign-in at most ${maxAge} s old)` : undefined,
  ].filter((a) => a !== undefined);
  const carrying = asks.length > 0 ? ` carrying ${asks.join(' and ')}` : '';
  return `Send the user back to the authorization server with a new authorization request${carrying}, then retry with the new token (RFC 9470 §4).`;
}

/** RFC 9449 §7.1: algs lists the JWS algorithms the resource accepts for proofs. */
function algsFinding(where: Located, scheme: Scheme): Finding[] {
  const algs = getParam(where.c.params, 'algs');
  if (scheme !== 'dpop' || algs === undefined || algs.trim() === '') return [];
  const names = algs.trim().split(/ +/).join(', ');
  return [
    finding(
      'info',
      'dpop-algs',
      `algs: the resource accepts DPoP proofs signed with ${names} (RFC 9449 §7.1). A client sends its access token as Authorization: DPoP <token> and, in a DPoP header field, a proof of this request signed with its key (RFC 9449 §4.2).`,
      span(where, 'algs'),
    ),
  ];
}

/**
 * RFC 9728 §5.1: a resource that names its metadata tells a client with no token where to get one. The
 * chain a client follows, named so a reader sees where their client stops.
 */
function resourceMetadataFinding(where: Located): Finding[] {
  const url = getParam(where.c.params, 'resource_metadata');
  if (url === undefined || !URL.canParse(url)) return [];
  return [
    finding(
      'info',
      'bearer-resource-metadata',
      `resource_metadata: the resource says where its metadata is, ${url} (RFC 9728 §5.1). A client with no token fetches it, checks that its "resource" is exactly the URL it requested (RFC 9728 §3.3), takes an issuer from "authorization_servers", reads that server's metadata (RFC 8414) and gets a token there for this resource; the MCP authorization specification asks its clients to do exactly this.`,
      span(where, 'resource_metadata'),
    ),
  ];
}
