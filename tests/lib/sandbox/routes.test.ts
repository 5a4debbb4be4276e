import { headerValues } from '@/lib/sandbox/message';
import { routeMatcher } from '@/lib/sandbox/routes/match';
import { EXCHANGE_PATH, SANDBOX_PREFIX } from '@/lib/sandbox/routes/paths';
import { allowedMethods, type SandboxRoute } from '@/lib/sandbox/routes/route';
import { invariantBareTargets, isCrossOriginPath, isSandboxPath, routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { request, testContext } from './support';

// The route table is the sandbox's only list of what answers where: every entry is served as it says
// (methods, CORS, preflight, 405), and nothing outside it is.

/** A concrete URL for a route: {id} becomes a real preset. */
const concrete = (route: SandboxRoute) => route.path.replace(/\{[^}]+\}/, allPresets()[0]?.id ?? 'basic');
const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE'];

describe('routeMatcher', () => {
  const routes: SandboxRoute[] = [
    { kind: 'scenario', path: '/a/basic', preset: { kind: 'fixed', id: 'basic' }, operationId: 'a' },
    { kind: 'scenario', path: '/a/presets/{id}', preset: { kind: 'param', name: 'id' }, operationId: 'b' },
  ];
  const match = routeMatcher(routes);

  test.each([
    ['/a/basic', '/a/basic', {}],
    ['/a/basic/', '/a/basic', {}],
    ['/a/presets/digest', '/a/presets/{id}', { id: 'digest' }],
    ['/a/presets/digest/', '/a/presets/{id}', { id: 'digest' }],
    ['/a/presets/%3Cb%3E', '/a/presets/{id}', { id: '%3Cb%3E' }],
  ])('%s → %s %j', (path, routePath, params) => {
    expect(match(path)).toEqual({ route: expect.objectContaining({ path: routePath }), params });
  });

  test.each(['/a', '/a/', '/a/basic//', '/a/presets/', '/a/presets/x/y', '/A/basic', '/a/basics'])('%s names no route', (path) => {
    expect(match(path)).toBeUndefined();
  });

  test('a path declared twice is refused when the table is built', () => {
    expect(() => routeMatcher([routes[0] as SandboxRoute, { ...(routes[0] as SandboxRoute) }])).toThrow('Two routes for /a/basic');
  });
});

describe('every route of the table', () => {
  test('has a unique path and operationId, and sits under the sandbox prefix, is the exchange or is OAuth metadata at its well-known place', () => {
    const paths = SANDBOX_ROUTES.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    // RFC 9728 §3.1 and RFC 8414 §3.1 put metadata under /.well-known/ at the root, followed by the sandbox path it describes.
    const wellKnown = /^\/\.well-known\/oauth-(protected-resource|authorization-server)\/api\/sandbox\//;
    for (const path of paths) expect(path === EXCHANGE_PATH || path.startsWith(`${SANDBOX_PREFIX}/`) || wellKnown.test(path)).toBe(true);
    for (const route of SANDBOX_ROUTES) expect(isSandboxPath(concrete(route))).toBe(true);
  });

  test.each(SANDBOX_ROUTES.map((route) => [route.path, route] as const))('%s: every method gets what the entry says', async (_path, route) => {
    const target = concrete(route);
    const allow = allowedMethods(route);
    const cors = route.kind === 'scenario' || route.cors;
    expect(isCrossOriginPath(target)).toBe(cors);
    for (const method of ANY_METHOD) {
      const { response } = await routeSandboxRequest(request(target, [], method), testContext());
      expect(headerValues(response.headers, 'Access-Control-Allow-Origin')).toEqual(cors ? ['*'] : []);
      if (method === 'OPTIONS' && cors) {
        expect([response.status, headerValues(response.headers, 'Allow')]).toEqual([204, [allow]]);
        continue;
      }
      // A scenario evaluates every method (a 401 asks for credentials); an endpoint refuses what it does not take.
      const taken = route.kind === 'scenario' || route.methods.includes(method);
      if (taken) {
        expect([method, response.status]).not.toEqual([method, 405]);
      } else {
        expect([method, response.status, headerValues(response.headers, 'Allow')]).toEqual([method, 405, [allow]]);
        expect(JSON.parse(response.body)).toMatchObject({ status: 405, detail: route.kind === 'endpoint' ? route.wrongMethod : '' });
      }
    }
  });
});

describe('outside the table', () => {
  test.each([`${SANDBOX_PREFIX}`, `${SANDBOX_PREFIX}/`, `${SANDBOX_PREFIX}/nope`, `${SANDBOX_PREFIX}/basic/extra`, '/etc/passwd'])(
    '%s: 404 problem that suggests the short URLs, with CORS',
    async (target) => {
      const { response } = await routeSandboxRequest(request(target), testContext());
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body).detail).toBe(
        `No sandbox endpoint at ${target}. Try /api/sandbox/basic, /digest, /bearer, /proxy, /ntlm, /negotiate or /presets.`,
      );
      expect(headerValues(response.headers, 'Access-Control-Allow-Origin')).toEqual(['*']);
    },
  );

  test('the pages are not the sandbox: Next serves them', () => {
    for (const path of ['/', '/api', '/apiary', '/api/sandboxes', '/api/oembed', '/api/exchange/x', '/lessons/basic-authentication'])
      expect([path, isSandboxPath(path)]).toEqual([path, false]);
  });
});

test('prepared answers: every scenario URL whose bare refusal carries no Digest nonce, and nothing else', () => {
  const targets = invariantBareTargets();
  expect(targets).toEqual(expect.arrayContaining(['/api/sandbox/basic', '/api/sandbox/bearer', '/api/sandbox/proxy', '/api/sandbox/presets/basic']));
  expect(targets).not.toContain('/api/sandbox/digest');
  expect(targets).not.toContain('/api/sandbox/presets/digest');
  for (const target of targets) expect(SANDBOX_ROUTES.some((route) => route.kind === 'scenario' && routeMatcher([route])(target))).toBe(true);
});
