import { createSandboxContext } from '@/lib/sandbox/context';
import { headerValues, type SandboxRequest } from '@/lib/sandbox/message';
import { openApiDocument, openApiJson } from '@/lib/sandbox/openapi/document';
import type { OperationObject } from '@/lib/sandbox/openapi/types';
import { BEARER_OR_DPOP_PATH, DPOP_PATH, OAUTH_TOKEN_PATH, WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { EXCHANGE_PATH, PRESETS_PATH, RUNS_PATH, SANDBOX_PREFIX } from '@/lib/sandbox/routes/paths';
import { resolveScenario, routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';
import { allPresets } from '@/lib/sandbox/scenario/presets';

// The OpenAPI document is generated from the sandbox's own data; these tests hold it to the router:
// every path served is documented, and every documented GET answers with a status it documents.

const document = openApiDocument(SANDBOX_ROUTES);
const context = () => createSandboxContext({ secret: new TextEncoder().encode('x'.repeat(32)) });
const get = (target: string): SandboxRequest => ({ method: 'GET', target, headers: [], body: new Uint8Array() });

type Method = 'get' | 'post' | 'options';
const operations = Object.entries(document.paths).flatMap(([route, item]) =>
  (['get', 'post', 'options'] as Method[]).flatMap((method) => (item[method] ? [{ route, method, operation: item[method] as OperationObject }] : [])),
);

/** Concrete URLs for a documented path: {id} becomes every preset id. */
function concrete(route: string): string[] {
  return route.includes('{id}') ? allPresets().map((preset) => route.replace('{id}', preset.id)) : [route];
}

/** The short scenario URLs: routes of one fixed preset. */
const shortRoutes = SANDBOX_ROUTES.flatMap((route) => (route.kind === 'scenario' && route.preset.kind === 'fixed' ? [route.path] : []));

describe('the OpenAPI document', () => {
  test('has the OpenAPI 3.1 shape and survives JSON unchanged', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(document))).toStrictEqual(document);
    expect(JSON.parse(openApiJson(SANDBOX_ROUTES))).toStrictEqual(document);
  });

  test('every operation but the preflight documents the rate limit: 429 with Retry-After, as the gate answers it', () => {
    for (const { route, method, operation } of operations) {
      if (method === 'options') {
        expect(operation.responses).not.toHaveProperty('429');
        continue;
      }
      expect([route, operation.responses['429']?.headers?.['Retry-After']?.required]).toEqual([route, true]);
      expect(operation.responses['429']?.content).toHaveProperty(['application/problem+json']);
    }
    expect(operations.filter(({ method }) => method !== 'options').map(({ route }) => route)).toContain(EXCHANGE_PATH);
  });

  test('is the same on every call (example challenges use a fixed clock and key)', () => {
    expect(JSON.stringify(openApiDocument(SANDBOX_ROUTES))).toBe(JSON.stringify(document));
  });

  test('every operation has a unique operationId, a summary, tags and responses with descriptions', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const { operation } of operations) {
      expect(operation.summary.length).toBeGreaterThan(3);
      for (const tag of operation.tags) expect(tags).toContain(tag);
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      for (const response of Object.values(operation.responses)) expect(response.description.length).toBeGreaterThan(10);
    }
  });

  test('every $ref and every security requirement points at a component', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, kind, name] of refs) expect(Object.keys((document.components as Record<string, object>)[kind ?? ''] ?? {})).toContain(name);
    for (const { operation } of operations) {
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(Object.keys(document.components.securitySchemes)).toContain(scheme);
      }
    }
  });

  test('declares the Basic, Bearer (JWT), Digest and Proxy-Authorization schemes', () => {
    const { basic, bearer, digest, proxyAuthorization } = document.components.securitySchemes;
    expect(basic).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(digest).toMatchObject({ type: 'http', scheme: 'digest' });
    expect(proxyAuthorization).toMatchObject({ type: 'apiKey', in: 'header', name: 'Proxy-Authorization' });
  });

  test('names every preset: the {id} enum, and each title and summary in the description', () => {
    const item = document.paths[`${SANDBOX_PREFIX}/presets/{id}`];
    const operation = item?.get;
    // On the path item, so the preflight has it too.
    const id = item?.parameters?.find((parameter) => parameter.name === 'id');
    expect(id).toMatchObject({ in: 'path', required: true });
    expect(id?.schema.enum).toEqual(allPresets().map((preset) => preset.id));
    for (const preset of allPresets()) {
      expect(operation?.description).toContain(preset.id);
      expect(operation?.description).toContain(preset.title);
      expect(operation?.description).toContain(preset.summary);
    }
  });

  test('every scenario URL documents every query override', () => {
    const scenarioOperations = operations.filter(({ operation }) => operation.tags.includes('Scenarios'));
    expect(scenarioOperations.map(({ route }) => route)).toEqual([...shortRoutes, `${SANDBOX_PREFIX}/presets/{id}`]);
    for (const { operation } of scenarioOperations) {
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
      expect(query).toEqual([...OVERRIDE_PARAMETERS]);
    }
  });

  test('documents 401 with WWW-Authenticate, 407 with Proxy-Authenticate and problem+json refusals', () => {
    const proxy = document.paths[`${SANDBOX_PREFIX}/proxy`]?.get;
    expect(proxy?.responses['401']?.headers?.['WWW-Authenticate']?.required).toBe(true);
    expect(proxy?.responses['407']?.headers?.['Proxy-Authenticate']?.examples?.line1?.value).toMatch(/^Basic realm="corp-proxy"/);
    expect(document.paths[`${SANDBOX_PREFIX}/digest`]?.get?.responses['200']?.headers).toHaveProperty('Authentication-Info');
    expect(proxy?.responses['403']?.content).toHaveProperty(['application/problem+json']);
    expect(document.components.schemas.Problem?.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(document.components.schemas.TokenError).toMatchObject({ allOf: [{ $ref: '#/components/schemas/Problem' }, expect.anything()] });
  });

  // With REDIS_URL, every route that keeps state in the shared store answers 503 while Redis is away
  // (tests/lib/sandbox/store-unavailable.test.ts makes each of them do it); a route that keeps none never does.
  test('documents 503 Shared store unavailable, with Retry-After, exactly where the shared store is used', () => {
    const unavailable = operations.filter(({ method, operation }) => method !== 'options' && operation.responses['503'] !== undefined);
    const routes = new Set(unavailable.map(({ route }) => route));
    for (const route of [
      `${SANDBOX_PREFIX}/digest`,
      `${SANDBOX_PREFIX}/ntlm`,
      `${SANDBOX_PREFIX}/presets/{id}`,
      OAUTH_TOKEN_PATH,
      DPOP_PATH,
      BEARER_OR_DPOP_PATH,
      RUNS_PATH,
    ])
      expect([route, routes.has(route)]).toEqual([route, true]);
    for (const route of [WHOAMI_PATH, PRESETS_PATH, `${SANDBOX_PREFIX}/openapi.json`, EXCHANGE_PATH])
      expect([route, routes.has(route)]).toEqual([route, false]);
    expect([...routes].filter((route) => route.startsWith(RUNS_PATH))).toHaveLength(3);
    for (const { route, operation } of unavailable) {
      const response = operation.responses['503'];
      expect([route, response?.description]).toEqual([route, expect.stringMatching(/^Shared store unavailable: with REDIS_URL set/)]);
      expect(response?.headers?.['Retry-After']?.required).toBe(true);
      expect(response?.content).toHaveProperty(['application/problem+json']);
    }
    expect(document.paths[`${SANDBOX_PREFIX}/ntlm`]?.get?.responses['503']?.description).toMatch(/unfinished handshakes/);
  });
});

describe('the document and the router agree', () => {
  test('documents exactly the route table, in its order', () => {
    expect(Object.keys(document.paths)).toEqual(SANDBOX_ROUTES.map((route) => route.path));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([...['basic', 'digest', 'bearer', 'proxy', 'presets', 'token'].map((rest) => `${SANDBOX_PREFIX}/${rest}`), EXCHANGE_PATH]),
    );
  });

  test('every documented sandbox path is served, and the short URLs name the presets they say', async () => {
    for (const route of Object.keys(document.paths).filter((route) => route.startsWith(`${SANDBOX_PREFIX}/`))) {
      for (const target of concrete(route)) {
        const { response } = await routeSandboxRequest(get(target), context());
        expect(response.body).not.toContain('No sandbox endpoint');
      }
    }
    expect(shortRoutes).toEqual(['basic', 'digest', 'bearer', 'proxy', 'ntlm', 'negotiate'].map((name) => `${SANDBOX_PREFIX}/${name}`));
    for (const path of shortRoutes) {
      const lookup = resolveScenario(path);
      expect(lookup.kind).toBe('scenario');
      if (lookup.kind === 'scenario') expect(document.paths[path]?.get?.summary).toBe(lookup.preset.title);
    }
  });

  test.each(operations.filter(({ method }) => method === 'get').flatMap(({ route, operation }) => concrete(route).map((target) => ({ target, operation }))))(
    'GET $target without credentials answers a documented status',
    async ({ target, operation }) => {
      const { response } = await routeSandboxRequest(get(target), context());
      expect(Object.keys(operation.responses)).toContain(String(response.status));
      for (const [name, header] of Object.entries(operation.responses[String(response.status)]?.headers ?? {})) {
        if (header.required) expect(headerValues(response.headers, name).length).toBeGreaterThan(0);
      }
    },
  );

  test('OPTIONS on every sandbox path answers the documented preflight, header for header, or 405 where none is documented', async () => {
    for (const [route, item] of Object.entries(document.paths).filter(
      ([route]) => route.startsWith(`${SANDBOX_PREFIX}/`) || route.startsWith('/.well-known/'),
    )) {
      const { response } = await routeSandboxRequest({ ...get(concrete(route)[0] ?? route), method: 'OPTIONS' }, context());
      if (!item.options) {
        // A page of the lab's own (the OAuth consent page): no preflight for other origins.
        expect(response.status).toBe(405);
        continue;
      }
      const documented = item.options.responses['204']?.headers ?? {};
      expect(response.status).toBe(204);
      for (const [name, header] of Object.entries(documented)) expect(headerValues(response.headers, name)).toEqual([header.schema.const]);
    }
  });

  test('GET /api/sandbox/openapi.json serves the document as JSON, with CORS', async () => {
    const { response } = await routeSandboxRequest(get(`${SANDBOX_PREFIX}/openapi.json`), context());
    expect(response.status).toBe(200);
    expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/json']);
    expect(headerValues(response.headers, 'Access-Control-Allow-Origin')).toEqual(['*']);
    expect(JSON.parse(response.body)).toStrictEqual(document);
  });

  test('the preset list example is exactly what GET /api/sandbox/presets answers', async () => {
    const { response } = await routeSandboxRequest(get(`${SANDBOX_PREFIX}/presets`), context());
    const example = document.paths[`${SANDBOX_PREFIX}/presets`]?.get?.responses['200']?.content?.['application/json']?.example;
    expect(JSON.parse(response.body)).toEqual(example);
  });

  test('the token endpoint answers its documented statuses', async () => {
    const operation = document.paths[`${SANDBOX_PREFIX}/token`]?.post;
    const form = (body: string, headers: [string, string][] = []): SandboxRequest => ({
      method: 'POST',
      target: `${SANDBOX_PREFIX}/token`,
      headers: [['Content-Type', 'application/x-www-form-urlencoded'], ...headers],
      body: new TextEncoder().encode(body),
    });
    const alice: [string, string] = ['Authorization', `Basic ${Buffer.from('alice:wonderland').toString('base64')}`];
    const cases: [SandboxRequest, number][] = [
      [form('grant_type=client_credentials&scope=read', [alice]), 200],
      [form('grant_type=client_credentials&client_id=bob&client_secret=builder'), 200],
      [form('grant_type=password', [alice]), 400],
      [form('grant_type=client_credentials'), 401],
      [{ ...get(`${SANDBOX_PREFIX}/token`) }, 405],
    ];
    for (const [request, status] of cases) {
      const { response } = await routeSandboxRequest(request, context());
      expect(response.status).toBe(status);
      expect(Object.keys(operation?.responses ?? {})).toContain(String(status));
      if (status === 200)
        expect(Object.keys(JSON.parse(response.body) as object).sort()).toEqual([...(document.components.schemas.TokenResponse?.required as string[])].sort());
      if (status === 400 || status === 401)
        expect(JSON.parse(response.body)).toMatchObject({ status, error: expect.any(String), error_description: expect.any(String) });
    }
  });
});
