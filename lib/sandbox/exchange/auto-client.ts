import {
  answerDigestChallenge,
  chooseChallenge,
  createDigestNonce,
  encodeBasicCredentials,
  formatCredentials,
  getParam,
  parseChallenges,
  type Challenge,
  type HeldCredentials,
} from '@/lib/http-auth';
import { GARBAGE_TOKEN, type ClientProfile, type HeldSecret } from '../scenario/client-profile';
import { answerHandshake, connectionScheme, handshakeDone, refusedHandshake, startHandshake, type ClientHandshake } from './connection-client';
import type { SandboxContext } from '../context';
import { headerValues, type SandboxRequest, type SandboxResponse } from '../message';
import { issueToken } from '../engine/tokens';

// The careful client of auto mode: answers 407 with Proxy-Authorization and 401 with Authorization,
// chooses among challenges with lib/http-auth's chooseChallenge, retries a stale Digest nonce and
// refreshes an expired token once, runs NTLM and Negotiate's three legs (connection-client.ts), and never
// sends refused credentials again.

export type ClientMove =
  { kind: 'retry'; field: 'Authorization' | 'Proxy-Authorization'; value: string; explanation: string } | { kind: 'stop'; explanation: string };

type CredentialsField = 'Authorization' | 'Proxy-Authorization';

/** A Digest challenge the client answered, kept so the next request can reuse its nonce with nc + 1. */
type DigestSession = { challenge: Challenge; user: string; password: string; nc: number };

export type ClientState = {
  /** Lifetime of the tokens this client is issued: the scenario's Bearer setting. */
  tokenLifetimeSeconds: number;
  tried: Set<string>;
  token?: string;
  refreshed: boolean;
  staleNonceSent: boolean;
  digest: Partial<Record<CredentialsField, DigestSession>>;
  /** An NTLM or Negotiate handshake per hop: under way, or finished (its connection then authenticated). */
  handshakes: Partial<Record<CredentialsField, ClientHandshake>>;
};

export function newClientState(tokenLifetimeSeconds = 300): ClientState {
  return { tokenLifetimeSeconds, tried: new Set(), refreshed: false, staleNonceSent: false, digest: {}, handshakes: {} };
}

export type TokenKind = Extract<HeldSecret, { kind: 'token' }>['token'];

/** Mints the token a profile holds: signed now, signed long ago, signed with another key, or not a JWT. */
export async function mintToken(
  secret: Extract<HeldSecret, { kind: 'token' }>,
  ctx: SandboxContext,
  kind: TokenKind = secret.token,
  lifetimeSeconds = 300,
): Promise<string> {
  const base = { subject: secret.subject, scope: secret.scope, lifetimeSeconds };
  switch (kind) {
    case 'valid':
      return issueToken({ ...base, now: ctx.now(), secret: ctx.secret }).token;
    case 'expired':
      // Issued long enough ago that even the longest lifetime (a day) has run out.
      return issueToken({ ...base, now: ctx.now() - (lifetimeSeconds + 3_600) * 1000, secret: ctx.secret }).token;
    case 'forged':
      return issueToken({ ...base, now: ctx.now(), secret: ctx.random(32) }).token;
    case 'garbage':
      return GARBAGE_TOKEN;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function stopFor(status: number): ClientMove {
  if (status >= 200 && status < 300) return { kind: 'stop', explanation: `${status}: the request succeeded; nothing more to do.` };
  switch (status) {
    case 403:
      return {
        kind: 'stop',
        explanation:
          '403: the server knows who you are and refuses. Repeating the request with the same credentials SHOULD NOT happen (RFC 9110 §15.5.4); different credentials might help.',
      };
    case 404:
      return { kind: 'stop', explanation: '404: nothing to answer. (A server may use 404 to hide a forbidden resource, RFC 9110 §15.5.4.)' };
    case 400:
      return { kind: 'stop', explanation: '400: the request itself is malformed; fix it rather than resend it.' };
    default:
      return { kind: 'stop', explanation: `${status}: not an authentication challenge, so the client stops.` };
  }
}

async function held(secret: HeldSecret, state: ClientState, ctx: SandboxContext): Promise<HeldCredentials> {
  switch (secret.kind) {
    case 'none':
      return {};
    case 'password':
      return { password: { username: secret.user, password: secret.password } };
    case 'token':
      state.token ??= await mintToken(secret, ctx, secret.token, state.tokenLifetimeSeconds);
      return { bearerToken: state.token };
    default: {
      const never: never = secret;
      return never;
    }
  }
}

/** A copy of the challenge whose nonce went stale a while ago: what a client that kept an old nonce sends. */
function withStaleNonce(challenge: Challenge, ctx: SandboxContext): Challenge {
  const nonce = createDigestNonce({ secret: ctx.secret, now: ctx.now() - 7_200_000, random: ctx.random(12) });
  return { ...challenge, params: { ...challenge.params, nonce } };
}

function digestAnswer(session: DigestSession, request: SandboxRequest, ctx: SandboxContext): string | { error: string } {
  const answer = answerDigestChallenge({
    challenge: session.challenge,
    username: session.user,
    password: session.password,
    method: request.method,
    uri: request.target,
    body: request.body,
    nc: session.nc,
    random: ctx.random,
  });
  return answer.ok ? formatCredentials(answer.value.credentials) : { error: answer.error.message };
}

/**
 * What the client's next request carries in the field it is not re-answering: undefined to keep it as
 * it is, a value to send instead, or null to leave it out.
 * - Digest: the same nonce, nc + 1 (RFC 7616 §3.4: nc counts the requests sent with a nonce, and a
 *   server refuses a repeated one as a replay). A proxy's Digest session must survive the origin's 401.
 * - NTLM or Negotiate, once the AUTHENTICATE is sent: nothing. The handshake authenticated the
 *   connection; sending the AUTHENTICATE again would be a replay, and curl likewise sends no header
 *   once its NTLM state is "last" (its http_ntlm.c: the connection is already authenticated).
 */
export function nextCredentials(field: CredentialsField, state: ClientState, request: SandboxRequest, ctx: SandboxContext): string | null | undefined {
  if (state.handshakes[field]?.stage === 'authenticate-sent') return null;
  const session = state.digest[field];
  if (!session) return undefined;
  session.nc += 1;
  const value = digestAnswer(session, request, ctx);
  return typeof value === 'string' ? value : undefined;
}

function credentialsFor(
  field: CredentialsField,
  challenge: Challenge,
  secret: HeldSecret,
  state: ClientState,
  request: SandboxRequest,
  ctx: SandboxContext,
  staleFirst: boolean,
): string | { error: string } {
  const scheme = challenge.scheme.toLowerCase();
  if (scheme === 'bearer') return `Bearer ${state.token ?? ''}`;
  if (secret.kind !== 'password') return { error: 'no password held' };
  if (scheme === 'basic') {
    const encoded = encodeBasicCredentials({ userId: secret.user, password: secret.password }, secret.charset);
    return encoded.ok ? formatCredentials(encoded.value) : { error: encoded.error.message };
  }
  const useStale = staleFirst && !state.staleNonceSent;
  state.staleNonceSent ||= useStale;
  const session: DigestSession = { challenge: useStale ? withStaleNonce(challenge, ctx) : challenge, user: secret.user, password: secret.password, nc: 1 };
  state.digest[field] = session;
  return digestAnswer(session, request, ctx);
}

export async function nextMove(
  response: SandboxResponse,
  request: SandboxRequest,
  profile: ClientProfile,
  state: ClientState,
  ctx: SandboxContext,
): Promise<ClientMove> {
  if (response.status !== 401 && response.status !== 407) return withHandshakeDone(stopFor(response.status), response, request, state);
  const proxy = response.status === 407;
  const field = proxy ? 'Proxy-Authorization' : 'Authorization';
  const secret = proxy ? profile.proxy : profile.origin;
  const parsed = parseChallenges(headerValues(response.headers, proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate'));
  if (!parsed.ok) return { kind: 'stop', explanation: `The challenge does not parse (${parsed.error.message}), so the client cannot answer it.` };
  const challenges = parsed.value;
  const handshake = state.handshakes[field];
  if (handshake) return continueHandshake(field, handshake, challenges, secret, profile, request, ctx);
  // An expired token is refreshed once (a new token from the token endpoint), never in a loop.
  const invalidToken = challenges.find((c) => c.scheme.toLowerCase() === 'bearer' && getParam(c.params, 'error') === 'invalid_token');
  if (invalidToken && secret.kind === 'token' && secret.token === 'expired' && !state.refreshed) {
    state.refreshed = true;
    state.token = await mintToken(secret, ctx, 'valid', state.tokenLifetimeSeconds);
    return {
      kind: 'retry',
      field,
      value: `Bearer ${state.token}`,
      explanation: 'The token expired (error="invalid_token"): the client gets a new token once and retries with it.',
    };
  }
  const choice = chooseChallenge(challenges, await held(secret, state, ctx));
  if (choice.kind === 'none') return { kind: 'stop', explanation: `The client cannot answer: ${choice.explanation}` };
  const stale = getParam(choice.challenge.params, 'stale')?.toLowerCase() === 'true';
  const identity = `${field}|${choice.scheme}|${secret.kind === 'password' ? `${secret.user}:${secret.password}` : (state.token ?? '')}`;
  if (state.tried.has(identity) && !stale) {
    return {
      kind: 'stop',
      explanation: 'These credentials were already refused. A careful client asks the user for new ones instead of sending them again in a loop.',
    };
  }
  state.tried.add(identity);
  const scheme = connectionScheme(choice.challenge.scheme);
  if (scheme) {
    const start = startHandshake(scheme, choice.explanation);
    state.handshakes[field] = start.handshake;
    return { kind: 'retry', field, value: start.value, explanation: start.explanation };
  }
  const value = credentialsFor(field, choice.challenge, secret, state, request, ctx, profile.staleNonceFirst);
  if (typeof value !== 'string') return { kind: 'stop', explanation: `The client cannot build ${field}: ${value.error}` };
  return { kind: 'retry', field, value, explanation: choice.explanation };
}

/** A success after an AUTHENTICATE: say what the handshake left behind (an authenticated connection). */
function withHandshakeDone(move: ClientMove, response: SandboxResponse, request: SandboxRequest, state: ClientState): ClientMove {
  if (response.status < 200 || response.status >= 300) return move;
  const done = (['Proxy-Authorization', 'Authorization'] as const).flatMap((field) => {
    const handshake = state.handshakes[field];
    return handshake?.stage === 'authenticate-sent'
      ? [handshakeDone(handshake, field === 'Proxy-Authorization' ? 'proxy' : 'origin', response, request.connection?.id)]
      : [];
  });
  return done.length === 0 ? move : { ...move, explanation: `${move.explanation} ${done.join(' ')}` };
}

/** The second or third answer of an NTLM or Negotiate handshake this client began on the hop. */
async function continueHandshake(
  field: CredentialsField,
  handshake: ClientHandshake,
  challenges: readonly Challenge[],
  secret: HeldSecret,
  profile: ClientProfile,
  request: SandboxRequest,
  ctx: SandboxContext,
): Promise<ClientMove> {
  const connection = request.connection?.id;
  if (handshake.stage === 'authenticate-sent') return { kind: 'stop', explanation: refusedHandshake(handshake, connection) };
  const challenge = challenges.find((c) => connectionScheme(c.scheme) === handshake.scheme && c.token68 !== undefined);
  if (!challenge) {
    return {
      kind: 'stop',
      explanation: `The server answered the NEGOTIATE without a ${handshake.scheme} CHALLENGE (the trace says why), so the client has nothing to answer and stops.`,
    };
  }
  if (secret.kind !== 'password') return { kind: 'stop', explanation: 'The client holds no password to answer the CHALLENGE with.' };
  const answer = await answerHandshake(handshake, challenge, secret, ctx, { mode: profile.connections, connection });
  if ('error' in answer) return { kind: 'stop', explanation: `The client cannot answer the CHALLENGE: ${answer.error}.` };
  return { kind: 'retry', field, value: answer.value, explanation: answer.explanation };
}
