import { exchangeRoute } from './exchange';
import { AUTHORIZATION_SERVER_ROUTES } from './oauth';
import { RESOURCE_ROUTES } from './oauth-resources';
import { openApiRoute } from './openapi';
import { presetListRoute } from './presets';
import type { SandboxRoute } from './route';
import { BASIC_ROUTE, BEARER_ROUTE, DIGEST_ROUTE, NEGOTIATE_ROUTE, NTLM_ROUTE, PRESET_ROUTE, PROXY_ROUTE } from './scenario-routes';
import { RUN_ROUTES } from './runs';
import { tokenRoute } from './token';

// Every endpoint the sandbox serves, once. The router, the OPTIONS and 405 answers, the OpenAPI
// document (in this order), the /api page and server.ts's prepared answers are all derived from it:
// adding an endpoint is one entry here plus its handler and its test (docs/sandbox-endpoints.md).

export const SANDBOX_ROUTES: readonly SandboxRoute[] = [
  // Short URLs for the classic scenarios; every preset also answers at /api/sandbox/presets/{id}.
  BASIC_ROUTE,
  DIGEST_ROUTE,
  BEARER_ROUTE,
  tokenRoute,
  PROXY_ROUTE,
  // Connection-bound schemes: the handshake needs the lab's own server (server.ts), which binds it to a socket.
  NTLM_ROUTE,
  NEGOTIATE_ROUTE,
  presetListRoute,
  PRESET_ROUTE,
  openApiRoute,
  exchangeRoute,
  // Test your own client: runs of the compatibility cases (lib/compat, docs/compat.md).
  ...RUN_ROUTES,
  // The lab's OAuth authorization server and the resource it protects (docs/oauth-server.md).
  ...RESOURCE_ROUTES,
  ...AUTHORIZATION_SERVER_ROUTES,
];
