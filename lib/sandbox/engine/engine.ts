import { bearerChallenge, digestAuthenticationInfo, formatAuthInfo, formatChallenge, parseCredentials } from '@/lib/http-auth';
import { challengeField, challengeHeaders, credentialsField, isPlainChallenge } from './challenges';
import type { SandboxContext } from '../context';
import { headerValues, splitTarget, withoutHeader, type HeaderList, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { findScheme, type Layer, type Scenario, type SchemeKind, SCHEME_NAMES } from '../scenario/scenario';
import { authenticateBasic } from './schemes/basic';
import { authenticateBearer } from './schemes/bearer';
import { authenticateDigest } from './schemes/digest';
import { authenticateConnectionScheme } from './schemes/ntlm-handshake';
import { refused, type AuthAttempt, type AuthOutcome, type ChallengeHint } from './schemes/outcome';
import type { Hop, TraceStep } from './trace';

// The one place that decides 200/400/401/403/404/407. Pure apart from the context's clock, randomness
// and the store of once-only checks (lib/sandbox/store); both doors (real HTTP and the playground's
// /api/exchange) call it.

export type Evaluation = {
  response: SandboxResponse;
  trace: TraceStep[];
  /** The request as the proxy forwarded it to the origin (Proxy-Authorization consumed), if it got that far. */
  forwarded?: SandboxRequest;
};

type Authenticated = Extract<AuthOutcome, { kind: 'authenticated' }>;

function schemeName(kind: SchemeKind): string {
  return SCHEME_NAMES[kind];
}

/**
 * A request without credentials on a connection an NTLM or Negotiate handshake authenticated for this hop
 * and realm: let through as the user it authenticated, as IIS does by default (its authPersistNonNTLM
 * setting). Another realm is another server, which has authenticated no one on this connection.
 */
function reusedConnection(hop: Hop, layer: Layer, request: SandboxRequest): AuthOutcome | undefined {
  const connection = request.connection;
  const who = connection?.authenticated(hop);
  if (!connection || !who || who.realm !== layer.realm || !layer.schemes.some((scheme) => schemeName(scheme.kind) === who.scheme)) return undefined;
  return {
    kind: 'authenticated',
    user: who.user,
    scheme: who.scheme,
    roles: who.roles,
    connection: { id: connection.id, reused: true },
    trace: [{ kind: 'connection-reused', hop, scheme: who.scheme, user: who.user, connection: connection.id }],
  };
}

/** Does this credentials field (parseable or not) name the Bearer scheme? Its first token says so. */
function namesBearer(fieldValue: string): boolean {
  return /^[ \t]*bearer(?![^ \t,])/i.test(fieldValue);
}

/** A 400 about a Bearer request gets RFC 6750 §3.1's invalid_request challenge; others get none. */
function malformedHint(layer: Layer, hop: Hop, values: readonly string[]): ChallengeHint {
  return hop === 'origin' && findScheme(layer, 'bearer') && values.some(namesBearer) ? { kind: 'bearer-invalid-request' } : { kind: 'none' };
}

async function checkCredentials(hop: Hop, layer: Layer, request: SandboxRequest, ctx: SandboxContext): Promise<AuthOutcome> {
  const field = credentialsField(hop);
  const values = headerValues(request.headers, field);
  const bearerInQuery = hop === 'origin' && findScheme(layer, 'bearer') !== undefined && splitTarget(request.target).query.has('access_token');
  if (bearerInQuery) {
    return refused(
      400,
      'Send the access token in the Authorization header only (RFC 6750 §2.1); this server does not accept access_token in the query.',
      [{ kind: 'token-in-query', hop, alsoInHeader: values.length > 0 }],
      { kind: 'bearer-invalid-request' },
    );
  }
  if (values.length === 0) {
    const reused = reusedConnection(hop, layer, request);
    if (reused) return reused;
    return refused(401, `This resource needs credentials: answer the challenge in ${challengeField(hop)}.`, [{ kind: 'no-credentials', hop, field }]);
  }
  if (values.length > 1) {
    const trace: TraceStep[] = [{ kind: 'repeated-credentials', hop, field, count: values.length }];
    return refused(400, `The request carries ${values.length} ${field} fields; send exactly one.`, trace, malformedHint(layer, hop, values));
  }
  const fieldValue = values[0] ?? '';
  // The engine reads the value or the error, never the advice: no lint pass per request (issue 23).
  const parsed = parseCredentials(fieldValue, { lint: false });
  if (!parsed.ok) {
    const { message, index } = parsed.error;
    const trace: TraceStep[] = [{ kind: 'malformed-credentials', hop, field, message, index }];
    return refused(400, `The ${field} field is malformed at character ${index}: ${message}`, trace, malformedHint(layer, hop, values));
  }
  const received = parsed.value.scheme;
  const scheme = layer.schemes.find((offered) => offered.kind === received.toLowerCase());
  if (!scheme) {
    const offered = layer.schemes.map((s) => schemeName(s.kind));
    return refused(401, `The "${received}" scheme is not accepted here; use ${offered.join(' or ')} as the challenge says.`, [
      { kind: 'scheme-not-offered', hop, scheme: received, offered },
    ]);
  }
  const matched: TraceStep = { kind: 'scheme-matched', hop, received, scheme: schemeName(scheme.kind) };
  const attempt: AuthAttempt = { hop, layer, request, ctx, fieldValue, credentials: parsed.value };
  const outcome = await authenticate(scheme.kind, attempt);
  return { ...outcome, trace: [matched, ...outcome.trace] };
}

function authenticate(kind: Layer['schemes'][number]['kind'], attempt: AuthAttempt): AuthOutcome | Promise<AuthOutcome> {
  switch (kind) {
    case 'basic':
      return authenticateBasic(attempt);
    case 'bearer':
      return authenticateBearer(attempt);
    case 'digest':
      return authenticateDigest(attempt);
    case 'ntlm':
      return authenticateConnectionScheme(attempt, 'NTLM');
    case 'negotiate':
      return authenticateConnectionScheme(attempt, 'Negotiate');
    default: {
      const never: never = kind;
      return never;
    }
  }
}

// A 401/407 with a plain challenge (see isPlainChallenge) depends only on the layer, the hop and the
// detail, so the last one per layer and hop is kept and sent again while the detail is the same: a
// client without credentials gets it on every request, the sandbox's hottest path. One entry per
// layer and hop; layers built from a query string are collected with their entry.
const lastPlainRefusal = new WeakMap<Layer, Partial<Record<Hop, { detail: string; response: SandboxResponse }>>>();

/** A refusal as the hop sends it: 400, or 401/407 with a fresh challenge (RFC 9110 §15.5.2, §15.5.8). */
function refusal(hop: Hop, layer: Layer, outcome: Extract<AuthOutcome, { kind: 'refused' }>, ctx: SandboxContext): SandboxResponse {
  if (outcome.status === 400) {
    // RFC 6750 §3.1: a malformed Bearer request is invalid_request; say so in the challenge too. A 400
    // about Basic or Digest credentials gets no challenge: a Bearer error would blame the wrong scheme.
    const bearer = outcome.hint.kind === 'bearer-invalid-request';
    const headers: HeaderList = bearer ? [['WWW-Authenticate', formatChallenge(bearerChallenge({ realm: layer.realm, error: 'invalid_request' }))]] : [];
    return problemResponse({ status: 400, detail: outcome.detail }, headers);
  }
  // Too many NTLM handshakes waiting: a moment's wait, not a wrong password (RFC 9110 §15.6.4, §10.2.3).
  if (outcome.status === 503) return problemResponse({ status: 503, detail: outcome.detail }, [['Retry-After', '1']]);
  const status = hop === 'proxy' ? 407 : 401;
  if (!isPlainChallenge(layer, outcome.hint)) return problemResponse({ status, detail: outcome.detail }, challengeHeaders(hop, layer, outcome.hint, ctx));
  let byHop = lastPlainRefusal.get(layer);
  if (!byHop) lastPlainRefusal.set(layer, (byHop = {}));
  let last = byHop[hop];
  if (last?.detail !== outcome.detail) {
    last = byHop[hop] = {
      detail: outcome.detail,
      response: problemResponse({ status, detail: outcome.detail }, challengeHeaders(hop, layer, outcome.hint, ctx)),
    };
  }
  // Fresh field lines each time, so no caller can change the kept ones.
  return { ...last.response, headers: last.response.headers.map(([name, value]): [string, string] => [name, value]) };
}

/** Authorization after authentication: the role the resource needs, and for Bearer the scope. */
function forbidden(layer: Layer, who: Authenticated): { response: SandboxResponse; step: TraceStep } | undefined {
  const status = layer.forbiddenStatus;
  const hidden = 'The requested resource was not found.';
  if (layer.requiredRole && !who.roles.includes(layer.requiredRole)) {
    const detail = status === 404 ? hidden : `You are authenticated as ${who.user}, but this resource needs the "${layer.requiredRole}" role.`;
    return { response: problemResponse({ status, detail }), step: { kind: 'role-missing', user: who.user, role: layer.requiredRole, status } };
  }
  const bearer = findScheme(layer, 'bearer');
  if (who.scheme === 'Bearer' && bearer) {
    const missing = bearer.requiredScope.filter((scope) => !(who.scopes ?? []).includes(scope));
    if (missing.length > 0) {
      const step: TraceStep = { kind: 'scope-missing', missing, status };
      if (status === 404) return { response: problemResponse({ status, detail: hidden }), step };
      const challenge = bearerChallenge({ realm: layer.realm, error: 'insufficient_scope', scope: bearer.requiredScope });
      const detail = `The token lacks the scope ${missing.join(' ')}; get a token with it.`;
      return { response: problemResponse({ status: 403, detail }, [['WWW-Authenticate', formatChallenge(challenge)]]), step };
    }
  }
  return undefined;
}

/** What the learner reads in a 200 about the connection an NTLM or Negotiate handshake authenticated. */
function connectionReport(scheme: string, connection: { id: number; reused: boolean }) {
  return {
    id: connection.id,
    authenticated: true,
    note: `${scheme} authenticated connection ${connection.id}, not this request: later requests on it are let through without credentials, as IIS does. Keep it alive; a new connection starts a new handshake.`,
  };
}

function granted(layer: Layer, who: Authenticated, request: SandboxRequest): SandboxResponse {
  // Members without a value are undefined, which JSON.stringify leaves out: the same text as spreading
  // them in only when present, from an object of one shape (issue 23).
  const body = JSON.stringify({
    authenticated: true,
    user: who.user,
    scheme: who.scheme,
    realm: layer.realm,
    scope: who.scopes?.join(' '),
    method: request.method,
    message: who.connection?.reused
      ? `Hello, ${who.user}: this connection was authenticated by your earlier ${who.scheme} handshake, so no credentials were needed.`
      : `Hello, ${who.user}: your ${who.scheme} credentials were accepted.`,
    connection: who.connection ? connectionReport(who.scheme, who.connection) : undefined,
  });
  // Authenticated responses are private: a shared cache must not hand them to anyone else (RFC 9111 §3.5).
  const headers: HeaderList = [
    ['Content-Type', 'application/json'],
    ['Cache-Control', 'private, no-store'],
  ];
  if (who.digest) {
    // RFC 7616 §3.5: rspauth proves the server knew the password; auth-int covers the response body.
    headers.push(['Authentication-Info', formatAuthInfo(digestAuthenticationInfo(who.digest, { responseBody: body }), 'Digest')]);
  }
  if (who.fields) headers.push(...who.fields);
  return { status: 200, headers, body };
}

/** A proxy hop's verdict on its own: let through as a user, or the refusal it sends (400, 407, 503). */
export type HopVerdict =
  { kind: 'passed'; user: string; scheme: string; trace: TraceStep[] } | { kind: 'refused'; response: SandboxResponse; trace: TraceStep[] };

/**
 * The proxy hop alone, for CONNECT (RFC 9110 §9.3.6): a tunnel is authorised before any origin is asked,
 * so its 407 comes first and the origin's 401, if any, comes later inside the tunnel.
 */
export async function evaluateProxyHop(layer: Layer, request: SandboxRequest, ctx: SandboxContext): Promise<HopVerdict> {
  const trace: TraceStep[] = [{ kind: 'hop', hop: 'proxy', realm: layer.realm }];
  const outcome = await checkCredentials('proxy', layer, request, ctx);
  trace.push(...outcome.trace);
  if (outcome.kind === 'refused') return { kind: 'refused', response: refusal('proxy', layer, outcome, ctx), trace };
  return { kind: 'passed', user: outcome.user, scheme: outcome.scheme, trace };
}

export async function evaluate(scenario: Scenario, request: SandboxRequest, ctx: SandboxContext): Promise<Evaluation> {
  const trace: TraceStep[] = [];
  let current = request;
  if (scenario.proxy) {
    trace.push({ kind: 'hop', hop: 'proxy', realm: scenario.proxy.realm });
    const outcome = await checkCredentials('proxy', scenario.proxy, current, ctx);
    trace.push(...outcome.trace);
    if (outcome.kind === 'refused') return { response: refusal('proxy', scenario.proxy, outcome, ctx), trace };
    // RFC 9110 §11.7.2: the proxy that asked for Proxy-Authorization consumes it.
    current = { ...current, headers: withoutHeader(current.headers, 'Proxy-Authorization') };
    trace.push({ kind: 'proxy-forwarded', consumed: true });
  }
  const { origin } = scenario;
  trace.push({ kind: 'hop', hop: 'origin', realm: origin.realm });
  const outcome = await checkCredentials('origin', origin, current, ctx);
  trace.push(...outcome.trace);
  const forwarded = scenario.proxy ? current : undefined;
  if (outcome.kind === 'refused') return { response: refusal('origin', origin, outcome, ctx), trace, forwarded };
  const denial = forbidden(origin, outcome);
  if (denial) return { response: denial.response, trace: [...trace, denial.step], forwarded };
  trace.push({ kind: 'granted', user: outcome.user });
  return { response: granted(origin, outcome, current), trace, forwarded };
}
