import { exchangeRoute } from './exchange';
import { openApiRoute } from './openapi';
import { presetPath, SANDBOX_PREFIX } from './paths';
import { presetListRoute } from './presets';
import type { SandboxRoute } from './route';
import { tokenRoute } from './token';

// Every endpoint the sandbox serves, once. The router, the OPTIONS and 405 answers, the OpenAPI
// document (in this order), the /api page and server.ts's prepared answers are all derived from it:
// adding an endpoint is one entry here plus its handler and its test (docs/sandbox-endpoints.md).

export const SANDBOX_ROUTES: readonly SandboxRoute[] = [
  // Short URLs for the classic scenarios; every preset also answers at /api/sandbox/presets/{id}.
  { kind: 'scenario', path: `${SANDBOX_PREFIX}/basic`, preset: { kind: 'fixed', id: 'basic' }, operationId: 'getBasic' },
  { kind: 'scenario', path: `${SANDBOX_PREFIX}/digest`, preset: { kind: 'fixed', id: 'digest' }, operationId: 'getDigest' },
  { kind: 'scenario', path: `${SANDBOX_PREFIX}/bearer`, preset: { kind: 'fixed', id: 'bearer' }, operationId: 'getBearer' },
  tokenRoute,
  { kind: 'scenario', path: `${SANDBOX_PREFIX}/proxy`, preset: { kind: 'fixed', id: 'proxy-then-origin' }, operationId: 'getProxy' },
  presetListRoute,
  { kind: 'scenario', path: presetPath('{id}'), preset: { kind: 'param', name: 'id' }, operationId: 'getPreset' },
  openApiRoute,
  exchangeRoute,
];
