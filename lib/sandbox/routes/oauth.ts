import { AUTHORIZATION_SERVER_SUFFIX } from '@/lib/oauth/well-known';
import { oauthErrorBody } from '@/lib/oauth/oauth-error';
import { firstHeader, type HeaderList, type SandboxResponse } from '../message';
import { labUsers } from '../scenario/presets';
import { decideAuthorization, type AuthorizationSettings } from '../oauth/authorization-request';
import { registerClient } from '../oauth/client-registration';
import { decideConsent } from '../oauth/consent';
import { authorizationErrorPage, consentPage } from '../oauth/consent-page';
import {
  AUTHORIZE_PATH,
  issuerFor,
  JWKS_PATH,
  LAB_RESOURCES,
  LAB_SCOPES,
  labAuthorizationServerMetadata,
  OAUTH_PREFIX,
  OAUTH_TOKEN_PATH,
  REGISTER_PATH,
  resourceFor,
} from '../oauth/lab-metadata';
import { jwks } from '../oauth/signing-key';
import { oauthTokenEndpoint } from '../oauth/token-endpoint';
import { DPOP_CORS_REQUEST_HEADERS, jsonResponse, labOrigin, MCP_CORS_REQUEST_HEADERS, NO_STORE, oauthGetDoc } from './oauth-http';
import type { EndpointRoute } from './route';

// The lab's OAuth authorization server (issue 18; docs/oauth-server.md): metadata, keys, registration,
// authorization with consent, and the token endpoint. The resources it protects are in oauth-resources.ts.

const settingsFor = (origin: string): AuthorizationSettings => ({
  issuer: issuerFor(origin),
  resources: LAB_RESOURCES.map((resource) => resourceFor(origin, resource.path)),
  scopes: [...LAB_SCOPES],
});

// The consent page is a page of the lab's own: no framing (RFC 6749 §10.13, clickjacking), nothing cached,
// no referrer (its URL carries the request), nothing loaded from elsewhere.
const PAGE_HEADERS: HeaderList = [
  ['Content-Type', 'text/html; charset=utf-8'],
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
];
const page = (status: number, body: string): SandboxResponse => ({ status, headers: PAGE_HEADERS, body });
const redirect = (location: string): SandboxResponse => ({ status: 302, headers: [['Location', location], ...NO_STORE], body: '' });

export const authorizationServerMetadataRoute: EndpointRoute = {
  kind: 'endpoint',
  path: `${AUTHORIZATION_SERVER_SUFFIX}${OAUTH_PREFIX}`,
  methods: ['GET'],
  cors: true,
  corsRequestHeaders: MCP_CORS_REQUEST_HEADERS,
  wrongMethod: 'Authorization server metadata is read with GET (RFC 8414 §3.1).',
  handle: (request, { ctx }) => ({ response: jsonResponse(200, labAuthorizationServerMetadata(labOrigin(request, ctx))), trace: [] }),
  describe: () =>
    oauthGetDoc(
      'authorizationServerMetadata',
      'Authorization server metadata',
      'RFC 8414 §2. The issuer has a path (/api/sandbox/oauth), so the well-known suffix goes before it (§3.1).',
      {
        '200': { description: 'The metadata: endpoints, S256 only, registration.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    ),
};

export const jwksRoute: EndpointRoute = {
  kind: 'endpoint',
  path: JWKS_PATH,
  methods: ['GET'],
  cors: true,
  wrongMethod: 'The JWK Set is read with GET (RFC 8414 §2, jwks_uri).',
  handle: async (_request, { ctx }) => ({ response: jsonResponse(200, await jwks(ctx.secret)), trace: [] }),
  describe: () =>
    oauthGetDoc(
      'oauthJwks',
      'The key that signs access tokens',
      'A JWK Set (RFC 7517 §5) with the Ed25519 key the lab signs its RFC 9068 access tokens with.',
      {
        '200': { description: 'The public key.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    ),
};

export const registerRoute: EndpointRoute = {
  kind: 'endpoint',
  path: REGISTER_PATH,
  methods: ['POST'],
  cors: true,
  wrongMethod: 'Register a client with POST and a JSON body (RFC 7591 §3.1).',
  handle: async (request, { ctx }) => {
    const contentType = firstHeader(request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
    let body: unknown;
    try {
      body = contentType === 'application/json' ? JSON.parse(new TextDecoder().decode(request.body)) : undefined;
    } catch {
      body = undefined;
    }
    if (body === undefined) {
      return {
        response: jsonResponse(
          400,
          oauthErrorBody({
            error: 'invalid_client_metadata',
            description: 'Send the client metadata as a JSON object, Content-Type: application/json (RFC 7591 §3.1).',
          }),
          NO_STORE,
        ),
        trace: [],
      };
    }
    const registration = await registerClient(body, { secret: ctx.secret, now: ctx.now() });
    return {
      response:
        registration.kind === 'registered' ? jsonResponse(201, registration.body, NO_STORE) : jsonResponse(400, oauthErrorBody(registration.error), NO_STORE),
      trace: [],
    };
  },
  describe: () => ({
    post: {
      operationId: 'registerClient',
      summary: 'Register a client',
      description:
        'Dynamic client registration (RFC 7591). The client_id is the signed registration; nothing is stored. A client id that is a URL is refused: the lab fetches nothing a client names.',
      tags: ['OAuth'],
      requestBody: {
        required: true,
        description: 'Client metadata (RFC 7591 §2).',
        content: { 'application/json': { schema: { type: 'object' }, example: { redirect_uris: ['http://127.0.0.1/callback'], client_name: 'My client' } } },
      },
      responses: {
        '201': { description: 'The client information (RFC 7591 §3.2.1).', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': {
          description: 'invalid_redirect_uri or invalid_client_metadata (RFC 7591 §3.2.2).',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  }),
};

export const authorizeRoute: EndpointRoute = {
  kind: 'endpoint',
  path: AUTHORIZE_PATH,
  methods: ['GET', 'POST'],
  // A browser navigates here; no script of another origin has any business reading it.
  cors: false,
  wrongMethod: 'The authorization endpoint takes GET (the request) and POST (the consent form) (RFC 6749 §3.1).',
  handle: async (request, { ctx }) => {
    const origin = labOrigin(request, ctx);
    const settings = settingsFor(origin);
    const options = { secret: ctx.secret, now: ctx.now() };
    if (request.method === 'GET') {
      const decision = await decideAuthorization(new URLSearchParams(request.target.split('?')[1] ?? ''), settings, options);
      switch (decision.kind) {
        case 'consent':
          return { response: page(200, consentPage(decision.request, AUTHORIZE_PATH)), trace: [] };
        case 'error-page':
          return { response: page(400, authorizationErrorPage(decision.description)), trace: [] };
        case 'redirect':
          return { response: redirect(decision.location), trace: [] };
        default: {
          const never: never = decision;
          return never;
        }
      }
    }
    const contentType = firstHeader(request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/x-www-form-urlencoded')
      return { response: page(400, authorizationErrorPage('The consent form comes back as application/x-www-form-urlencoded.')), trace: [] };
    const outcome = await decideConsent(new URLSearchParams(new TextDecoder().decode(request.body)), settings, {
      ...options,
      random: ctx.random,
      users: labUsers(),
    });
    switch (outcome.kind) {
      case 'consent':
        return { response: page(200, consentPage(outcome.request, AUTHORIZE_PATH)), trace: [] };
      case 'consent-again':
        return { response: page(200, consentPage(outcome.request, AUTHORIZE_PATH, outcome.problem)), trace: [] };
      case 'error-page':
        return { response: page(400, authorizationErrorPage(outcome.description)), trace: [] };
      // 303: the browser follows a POST's redirect with GET (RFC 9110 §15.4.4).
      case 'redirect':
        return { response: { ...redirect(outcome.location), status: 303 }, trace: [] };
      default: {
        const never: never = outcome;
        return never;
      }
    }
  },
  describe: () => ({
    get: {
      operationId: 'authorize',
      summary: 'Authorization request',
      description:
        'RFC 6749 §4.1.1 with PKCE S256 (RFC 7636) and a resource (RFC 8707): the sign-in and consent page, or an error. Until client_id and redirect_uri are verified errors stay on this page; after, they go back to the client (§4.1.2.1).',
      tags: ['OAuth'],
      responses: {
        '200': { description: 'The sign-in and consent page (HTML, works without JavaScript).', content: { 'text/html': { schema: { type: 'string' } } } },
        '302': { description: 'An error back to the verified client: error, error_description, state, iss.' },
        '400': {
          description: 'An unknown client or an unregistered redirect_uri: an error page, never a redirect.',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
      },
    },
    post: {
      operationId: 'consent',
      summary: 'The consent form',
      description: 'The page posts the request back with username, password and decision (allow or deny); it is decided again from scratch.',
      tags: ['OAuth'],
      requestBody: { required: true, description: 'The form.', content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } },
      responses: {
        '303': { description: 'To the redirect URI with code, state and iss (RFC 6749 §4.1.2, RFC 9207), or with error=access_denied.' },
        '200': { description: 'The page again, saying why (a wrong password).', content: { 'text/html': { schema: { type: 'string' } } } },
        '400': { description: 'An error page.', content: { 'text/html': { schema: { type: 'string' } } } },
      },
    },
  }),
};

export const oauthTokenRoute: EndpointRoute = {
  kind: 'endpoint',
  path: OAUTH_TOKEN_PATH,
  // Redeemed codes and DPoP proofs' jti are claimed in the store: with REDIS_URL, a 503 while it is away.
  sharedStore: true,
  methods: ['POST'],
  cors: true,
  corsRequestHeaders: DPOP_CORS_REQUEST_HEADERS,
  wrongMethod: 'The token endpoint takes POST with a form body (RFC 6749 §3.2).',
  handle: async (request, { ctx }) => {
    const origin = labOrigin(request, ctx);
    return {
      response: await oauthTokenEndpoint(request, {
        secret: ctx.secret,
        now: ctx.now(),
        random: ctx.random,
        issuer: issuerFor(origin),
        redeemed: ctx.store,
        tokenEndpointUrl: `${origin}${OAUTH_TOKEN_PATH}`,
        seenProofs: ctx.store,
      }),
      trace: [],
    };
  },
  describe: () => ({
    post: {
      operationId: 'oauthToken',
      summary: 'Exchange a code for an access token',
      description:
        'The authorization code grant (RFC 6749 §4.1.3) with code_verifier (RFC 7636 §4.5) and resource (RFC 8707 §2.2); the token is an RFC 9068 JWT for that resource.',
      tags: ['OAuth'],
      requestBody: { required: true, description: 'A form body.', content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } },
      responses: {
        '200': { description: 'The token (RFC 6749 §5.1), Cache-Control: no-store.', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': {
          description: 'invalid_request, invalid_grant, invalid_target, unsupported_grant_type (RFC 6749 §5.2).',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        '401': { description: 'invalid_client.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  }),
};

export const AUTHORIZATION_SERVER_ROUTES: readonly EndpointRoute[] = [
  authorizationServerMetadataRoute,
  jwksRoute,
  registerRoute,
  authorizeRoute,
  oauthTokenRoute,
];
