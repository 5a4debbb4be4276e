import type { HeaderList, SandboxResponse } from './message';

// CORS for trainers' pages calling the sandbox (WHATWG Fetch). The sandbox uses no cookies, so any
// origin may call it without credentials mode. Authorization is never covered by "*" in
// Allow-Headers, so it is listed by name; the challenge fields are exposed so scripts can read them, and
// Retry-After so a script can wait as long as a 429 asks (it is not a CORS-safelisted response field), and
// DPoP-Nonce so a browser DPoP client can use the nonce a server asks for (RFC 9449 §8, §9).

export const CORS_HEADERS: HeaderList = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', 'WWW-Authenticate, Proxy-Authenticate, Authentication-Info, Proxy-Authentication-Info, Retry-After, DPoP-Nonce'],
];

/** The request fields a cross-origin script may send to any sandbox route (Authorization is never covered by "*"). */
export const CORS_REQUEST_HEADERS: readonly string[] = ['Authorization', 'Content-Type'];

/**
 * A preflight never carries credentials, so it is answered 204 whatever the resource would say (not 401).
 * A plain OPTIONS (no Origin) gets the same answer; Allow tells it what the resource takes (RFC 9110 §9.3.7).
 */
export function preflightResponse(methods: string, requestHeaders: readonly string[] = CORS_REQUEST_HEADERS): SandboxResponse {
  return {
    status: 204,
    headers: [
      ['Allow', methods],
      ...CORS_HEADERS,
      ['Access-Control-Allow-Methods', methods],
      ['Access-Control-Allow-Headers', requestHeaders.join(', ')],
      ['Access-Control-Max-Age', '600'],
    ],
    body: '',
  };
}

export function withCors(response: SandboxResponse): SandboxResponse {
  return { ...response, headers: [...response.headers, ...CORS_HEADERS] };
}
