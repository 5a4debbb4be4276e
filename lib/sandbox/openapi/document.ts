import { CORS_HEADERS } from '../cors';
import { crossOrigin, preflightFor, type SandboxRoute } from '../routes/route';
import { labUsers } from '../scenario/presets';
import { schemas, securitySchemes } from './components';
import { problem } from './refs';
import { SCENARIO_UNAVAILABLE, STORE_UNAVAILABLE } from './store-unavailable';
import { describeScenarioRoute } from './scenario-paths';
import type { HeaderObject, OpenApiDocument, OperationObject, PathItem, ResponseObject } from './types';

// The sandbox's HTTP API as an OpenAPI 3.1 document, generated from the route table and the code's own
// data (presets, query overrides, the zod schemas) so it cannot drift from what the server does. The
// /api page renders the same document for people. Tests hold both to the router.

/** server.ts's per-client rate limit (SANDBOX_RATE_LIMIT), on every operation but the preflight. */
const RATE_LIMITED: ResponseObject = {
  description:
    'Too many requests from this client address (RFC 6585 §4): the production server gives each a token bucket (SANDBOX_RATE_LIMIT). Credentials were not checked; retry the same request after Retry-After.',
  headers: {
    'Retry-After': {
      description: 'Whole seconds until the next request is accepted (RFC 9110 §10.2.3).',
      required: true,
      schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
    },
  },
  content: problem(),
};

/** Adds `responses` to each operation of the item but the preflight (added later). */
function withResponses(item: PathItem, responses: Record<string, ResponseObject>): PathItem {
  const add = (operation: OperationObject | undefined) => operation && { ...operation, responses: { ...operation.responses, ...responses } };
  return { ...item, ...(item.get ? { get: add(item.get) } : {}), ...(item.post ? { post: add(item.post) } : {}) };
}

/** The routes that can answer 503 Shared store unavailable (route.ts, `sharedStore`), and why each may. */
function storeResponses(route: SandboxRoute): Record<string, ResponseObject> {
  if (route.kind === 'scenario') return { '503': SCENARIO_UNAVAILABLE };
  return route.sharedStore ? { '503': STORE_UNAVAILABLE } : {};
}

function preflight(operationId: string, route: SandboxRoute): OperationObject {
  const headers = Object.fromEntries(
    preflightFor(route).headers.map(([name, value]): [string, HeaderObject] => [
      name,
      { description: `"${value}"`, required: true, schema: { type: 'string', const: value } },
    ]),
  );
  return {
    operationId,
    summary: 'CORS preflight',
    description:
      'A browser asks before a cross-origin request with Authorization. A preflight never carries credentials, so it is answered 204, never 401 (WHATWG Fetch).',
    tags: ['CORS'],
    security: [],
    responses: { '204': { description: 'Any origin may call the sandbox, without cookies.', headers } },
  };
}

function infoDescription(): string {
  const users = labUsers()
    .map((user) => `${user.name} / ${user.password} (${user.roles.join(', ')})`)
    .join(' and ');
  const exposed = CORS_HEADERS.map(([name, value]) => `${name}: ${value}`).join('; ');
  return [
    'Real endpoints that answer with genuine 401, 403 and 407 responses (Basic, Digest, Bearer, and a proxy in front of an origin), for curl, scripts, Postman or a browser tab. Every refusal is RFC 9457 problem details.',
    `For learning only: the users are ${users}. Never send real credentials.`,
    'Query parameters change a scenario, so a URL alone sets up an experiment; a value the scenario cannot take is a 400 that says why.',
    `Any origin may call the sandbox (no cookies): ${exposed}.`,
  ].join('\n\n');
}

/** The whole document, from the route table: every route's own description, with its preflight and 429. */
export function openApiDocument(routes: readonly SandboxRoute[]): OpenApiDocument {
  const paths = Object.fromEntries(
    routes.map((route) => {
      const item = route.kind === 'scenario' ? describeScenarioRoute(route, routes) : route.describe();
      // The router answers OPTIONS on every cross-origin route, naming the methods that route takes.
      const options = crossOrigin(route)
        ? { options: preflight(`preflight${(item.get ?? item.post)?.operationId.replace(/^./, (c) => c.toUpperCase())}`, route) }
        : {};
      return [route.path, { ...withResponses(item, { ...storeResponses(route), '429': RATE_LIMITED }), ...options }];
    }),
  );
  return {
    openapi: '3.1.1',
    info: {
      title: 'HTTP Auth Lab sandbox',
      version: '1.0.0',
      summary: 'Configurable 401, 403 and 407 endpoints for learning HTTP authentication.',
      description: infoDescription(),
    },
    servers: [{ url: '/', description: 'The server that serves this document.' }],
    tags: [
      { name: 'Scenarios', description: 'Protected resources: each answers as its scenario says.' },
      { name: 'Tokens', description: 'Where Bearer tokens come from.' },
      { name: 'Discovery', description: 'What the sandbox offers.' },
      { name: 'Playground', description: 'Whole conversations, as the playground shows them.' },
      { name: 'Client tests', description: 'Test your own client: a run of the compatibility cases, and what the lab saw of each request.' },
      {
        name: 'OAuth',
        description:
          'The lab’s OAuth authorization server and the resource it protects: discovery from a 401 (RFC 9728, RFC 8414), registration (RFC 7591), the code flow with PKCE (RFC 7636) and audience-bound tokens (RFC 8707, RFC 9068).',
      },
      { name: 'CORS', description: 'Preflights for browsers on other origins.' },
    ],
    paths,
    components: { schemas: schemas(), securitySchemes: securitySchemes() },
  };
}

const serialised = new WeakMap<readonly SandboxRoute[], string>();

/** The document as the body of GET /api/sandbox/openapi.json (built once per process and table). */
export function openApiJson(routes: readonly SandboxRoute[]): string {
  let body = serialised.get(routes);
  if (body === undefined) serialised.set(routes, (body = JSON.stringify(openApiDocument(routes))));
  return body;
}
