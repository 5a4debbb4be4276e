import { constantTimeEqualText, decodeBasicCredentials, formatChallenge, basicChallenge } from '@/lib/http-auth';
import type { SandboxContext } from '../context';
import { firstHeader, headerValues, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { isScopeToken, type SandboxUser } from '../scenario/scenario';
import { issueToken } from './tokens';

// POST /api/sandbox/token: an OAuth 2.0 client-credentials grant (RFC 6749 §4.4), small but exact.
// The client authenticates with Basic (RFC 6749 §2.3.1); errors carry RFC 6749 §5.2's `error` and
// `error_description` as extension members of a problem details body (RFC 9457 §3.2).

const TOKEN_REALM = 'token';
const utf8 = new TextDecoder();
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

function oauthError(status: 400 | 401, error: OAuthError, description: string): SandboxResponse {
  // RFC 6749 §5.2: invalid_client with Basic gets 401 and a challenge.
  const headers: [string, string][] = status === 401 ? [['WWW-Authenticate', formatChallenge(basicChallenge({ realm: TOKEN_REALM, charset: 'UTF-8' }))]] : [];
  return problemResponse({ status, detail: description, extensions: { error, error_description: description } }, headers);
}

/**
 * RFC 6749 §2.3.1: the client id and secret are form-urlencoded (Appendix B) before they become Basic's
 * user-id and password, so the server decodes them after Basic: `+` is a space, `%XX` a UTF-8 byte.
 * Undefined when the encoding is broken (a stray `%`), which the caller answers as a client failure.
 */
function formUrlDecode(text: string): string | undefined {
  // Nothing to decode in most ids and secrets (alice:wonderland): the same string, without a try or two copies (issue 23).
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function clientCredentials(request: SandboxRequest, form: URLSearchParams): { id: string; secret: string } | { error: SandboxResponse } | undefined {
  const authorization = headerValues(request.headers, 'Authorization');
  if (authorization.length > 1) return { error: oauthError(400, 'invalid_request', 'Send one Authorization field.') };
  if (authorization[0] !== undefined) {
    const decoded = decodeBasicCredentials(authorization[0]);
    if (!decoded.ok) return { error: oauthError(401, 'invalid_client', `Client authentication failed: ${decoded.error.message}`) };
    if (form.has('client_secret')) return { error: oauthError(400, 'invalid_request', 'Authenticate the client one way only (RFC 6749 §2.3).') };
    const id = formUrlDecode(decoded.value.userId);
    const secret = formUrlDecode(decoded.value.password);
    if (id === undefined || secret === undefined)
      return {
        error: oauthError(
          401,
          'invalid_client',
          'The client id and secret must be form-urlencoded before Basic encodes them (RFC 6749 §2.3.1); a "%" must start %XX.',
        ),
      };
    return { id, secret };
  }
  // RFC 6749 §2.3.1 allows the credentials in the body too (NOT RECOMMENDED, but real clients do it).
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id !== null && secret !== null ? { id, secret } : undefined;
}

/** Called for POST only: the route table answers other methods with 405 (routes/token.ts). Synchronous: nothing in a grant waits. */
export function tokenEndpoint(request: SandboxRequest, users: readonly SandboxUser[], ctx: SandboxContext): SandboxResponse {
  const contentType = firstHeader(request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (RFC 6749 §4.4.2).');
  }
  const form = new URLSearchParams(utf8.decode(request.body));
  const client = clientCredentials(request, form);
  if (client === undefined) return oauthError(401, 'invalid_client', 'Authenticate the client with Basic: client_id:client_secret, e.g. alice:wonderland.');
  if ('error' in client) return client.error;
  const user = users.find((candidate) => candidate.name === client.id);
  if (!user || !constantTimeEqualText(user.password, client.secret)) return oauthError(401, 'invalid_client', 'Unknown client or wrong client secret.');
  const grant = form.get('grant_type');
  if (grant === null) return oauthError(400, 'invalid_request', 'grant_type is missing; use client_credentials.');
  if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `grant_type "${grant}" is not supported here; use client_credentials.`);
  const scope = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const badScope = scope.find((token) => !isScopeToken(token));
  if (badScope !== undefined || scope.length > 8)
    return oauthError(400, 'invalid_scope', 'scope must be up to 8 space-separated scope tokens (RFC 6749 §3.3).');
  const lifetimeText = form.get('expires_in');
  const lifetime = lifetimeText === null ? DEFAULT_TOKEN_LIFETIME_SECONDS : Number(lifetimeText);
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 86_400)
    return oauthError(400, 'invalid_request', 'expires_in (a lab extension) must be a whole number of seconds from 1 to 86400.');
  const issued = issueToken({ subject: user.name, scope, lifetimeSeconds: lifetime, now: ctx.now(), secret: ctx.secret });
  return {
    status: 200,
    // RFC 6749 §5.1: tokens must not be cached.
    headers: [
      ['Content-Type', 'application/json'],
      ['Cache-Control', 'no-store'],
      ['Pragma', 'no-cache'],
    ],
    body: JSON.stringify({ access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn, scope: scope.join(' ') }),
  };
}
