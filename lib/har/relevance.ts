import { headerValues } from '@/lib/sandbox/message';
import type { RecordedExchange } from './exchange';

// Why an exchange belongs in an auth conversation. A recording holds every image and script of a page;
// the reader wants the few exchanges where authentication happened or failed.

export type RelevanceReason =
  /** RFC 9110 §15.5.2: 401, §15.5.4: 403, §15.5.8: 407. */
  | 'unauthorized'
  | 'forbidden'
  | 'proxy-auth-required'
  /** RFC 6585 §4: often mistaken for an auth failure. */
  | 'rate-limited'
  /** The request carried Authorization or Proxy-Authorization (RFC 9110 §11.6.2, §11.7.2). */
  | 'credentials-sent'
  /** WWW-Authenticate or Proxy-Authenticate on any status (RFC 9110 §11.6.1, §11.7.1). */
  | 'challenge'
  /** Authentication-Info or Proxy-Authentication-Info (RFC 9110 §11.6.3, §11.7.3). */
  | 'auth-info'
  /** An OAuth or OpenID endpoint: authorize, token, metadata, JWKS, userinfo, introspection, revocation (RFC 6749, 8414, 9728). */
  | 'oauth-endpoint'
  /** A redirect to a page that looks like a sign-in page: a session that expired into a login form, not a 401. */
  | 'sign-in-redirect'
  /** A redirect, or the request after one, on the way to or from an exchange above. */
  | 'redirect-chain'
  /** A CORS preflight (WHATWG Fetch §4.8) for a request above, or answered with 401/403. */
  | 'preflight';

const STATUS_REASON: Partial<Record<number, RelevanceReason>> = { 401: 'unauthorized', 403: 'forbidden', 407: 'proxy-auth-required', 429: 'rate-limited' };

const OAUTH_PATH =
  /\/(?:oauth2?|authorize|token|introspect|revoke|userinfo|jwks(?:\.json)?|device_authorization|par)(?:\/|$|\?)|\/\.well-known\/(?:openid-configuration|oauth-authorization-server|oauth-protected-resource)/i;
const OAUTH_QUERY = /[?&](?:response_type|grant_type|client_id|code_challenge)=/i;
const SIGN_IN = /\/(?:log-?in|sign-?in|sso|saml|auth(?:enticate)?|account\/login|session\/new)(?:\/|$|\?|\.)/i;

const has = (exchange: RecordedExchange, side: 'request' | 'response', name: string) => headerValues(exchange[side].headers, name).length > 0;

export const isRedirect = (exchange: RecordedExchange): boolean => exchange.response.status >= 300 && exchange.response.status < 400;

/** OPTIONS with Access-Control-Request-Method (WHATWG Fetch §4.8 CORS-preflight fetch). */
export const isPreflight = (exchange: RecordedExchange): boolean =>
  exchange.request.method.toUpperCase() === 'OPTIONS' &&
  (has(exchange, 'request', 'Access-Control-Request-Method') || exchange.meta.resourceType === 'preflight');

/** The reasons an exchange is about authentication on its own, before redirects and preflights are linked. */
export function ownReasons(exchange: RecordedExchange): RelevanceReason[] {
  const reasons: RelevanceReason[] = [];
  const status = STATUS_REASON[exchange.response.status];
  if (status) reasons.push(status);
  if (has(exchange, 'request', 'Authorization') || has(exchange, 'request', 'Proxy-Authorization')) reasons.push('credentials-sent');
  if (has(exchange, 'response', 'WWW-Authenticate') || has(exchange, 'response', 'Proxy-Authenticate')) reasons.push('challenge');
  if (has(exchange, 'response', 'Authentication-Info') || has(exchange, 'response', 'Proxy-Authentication-Info')) reasons.push('auth-info');
  const url = exchange.request.url;
  const form = exchange.request.body?.kind === 'text' ? exchange.request.body.text : '';
  if (OAUTH_PATH.test(url) || OAUTH_QUERY.test(url) || /(?:^|&)grant_type=/.test(form)) reasons.push('oauth-endpoint');
  if (isRedirect(exchange) && exchange.response.redirectUrl && SIGN_IN.test(exchange.response.redirectUrl)) reasons.push('sign-in-redirect');
  if (isPreflight(exchange) && (exchange.response.status === 401 || exchange.response.status === 403)) reasons.push('preflight');
  return reasons;
}
