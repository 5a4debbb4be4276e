/** @jest-environment node */
// The Next route handlers (the Web adapter used under `next dev`), called with real Request objects.
import { OPTIONS as exchangeOptions, POST as exchange } from '@/app/api/exchange/route';
import { DELETE, GET, OPTIONS, POST, PUT } from '@/app/api/sandbox/[[...path]]/route';

const BASE = 'http://lab.test';

describe('app/api/sandbox route handler', () => {
  test('GET /api/sandbox/basic without credentials: 401, challenge, problem details', async () => {
    const response = await GET(new Request(`${BASE}/api/sandbox/basic`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="reports", charset="UTF-8"');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  test('with alice:wonderland: 200 naming the user', async () => {
    const response = await GET(new Request(`${BASE}/api/sandbox/basic`, { headers: { Authorization: 'Basic YWxpY2U6d29uZGVybGFuZA==' } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ authenticated: true, user: 'alice' });
  });

  test('query overrides set up an experiment; a CR/LF realm is refused, not reflected', async () => {
    const custom = await GET(new Request(`${BASE}/api/sandbox/basic?realm=staff&user=carol&password=secret`));
    expect(custom.headers.get('www-authenticate')).toBe('Basic realm="staff", charset="UTF-8"');
    const hostile = await GET(new Request(`${BASE}/api/sandbox/basic?realm=a%0d%0aX-Injected:%201`));
    expect(hostile.status).toBe(400);
    expect(hostile.headers.get('x-injected')).toBeNull();
    expect((await hostile.json()).detail).toContain('realm');
  });

  test('token endpoint then bearer resource, across two requests (stateless, signed token)', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' });
    const issued = await POST(
      new Request(`${BASE}/api/sandbox/token`, {
        method: 'POST',
        headers: { Authorization: 'Basic YWxpY2U6d29uZGVybGFuZA==', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      }),
    );
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const { access_token: token, token_type: type, expires_in: expiresIn } = (await issued.json()) as Record<string, unknown>;
    expect([type, expiresIn]).toEqual(['Bearer', 300]);
    const ok = await GET(new Request(`${BASE}/api/sandbox/bearer?scope=read`, { headers: { Authorization: `Bearer ${String(token)}` } }));
    expect(ok.status).toBe(200);
    const lacking = await GET(new Request(`${BASE}/api/sandbox/bearer?scope=write`, { headers: { Authorization: `Bearer ${String(token)}` } }));
    expect(lacking.status).toBe(403);
    expect(lacking.headers.get('www-authenticate')).toBe('Bearer realm="reports", scope="write", error="insufficient_scope"');
  });

  test('token endpoint refusals follow RFC 6749 §5.2 inside problem details', async () => {
    const noClient = await POST(
      new Request(`${BASE}/api/sandbox/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(noClient.status).toBe(401);
    expect(noClient.headers.get('www-authenticate')).toBe('Basic realm="token", charset="UTF-8"');
    expect(await noClient.json()).toMatchObject({ status: 401, error: 'invalid_client' });
    const badGrant = await POST(
      new Request(`${BASE}/api/sandbox/token`, {
        method: 'POST',
        headers: { Authorization: 'Basic YWxpY2U6d29uZGVybGFuZA==', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password',
      }),
    );
    expect(await badGrant.json()).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
  });

  // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic, so the server decodes them after it.
  test.each([
    ['alice:wonder%6Cand', 200, undefined],
    ['alice:wonderland', 200, undefined],
    ['alice:wonder+land', 401, 'Unknown client'],
    ['alice:wonder%zzland', 401, 'form-urlencoded'],
  ])('token endpoint form-urldecodes the Basic client credentials: %s -> %i', async (pair, status, detail) => {
    const response = await POST(
      new Request(`${BASE}/api/sandbox/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(pair).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(response.status).toBe(status);
    if (detail !== undefined) expect(((await response.json()) as { detail: string }).detail).toContain(detail);
  });

  test('CORS preflight: 204 without asking for credentials, Authorization allowed by name', async () => {
    const response = await OPTIONS(
      new Request(`${BASE}/api/sandbox/basic`, { method: 'OPTIONS', headers: { Origin: 'https://trainer.example', 'Access-Control-Request-Method': 'GET' } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
  });

  // Allow names what each path takes (RFC 9110 §9.3.7, §15.5.6); the preflight allows the same methods.
  test.each([
    ['/api/sandbox/basic', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
    ['/api/sandbox/presets/proxy-then-origin', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
    ['/api/sandbox/token', 'POST, OPTIONS'],
    ['/api/sandbox/presets', 'GET, HEAD, OPTIONS'],
    ['/api/sandbox/openapi.json', 'GET, HEAD, OPTIONS'],
  ])('OPTIONS %s: 204, Allow and Access-Control-Allow-Methods say %s', async (path, methods) => {
    const response = await OPTIONS(new Request(`${BASE}${path}`, { method: 'OPTIONS' }));
    expect(response.status).toBe(204);
    expect([response.headers.get('allow'), response.headers.get('access-control-allow-methods')]).toEqual([methods, methods]);
  });

  test.each([
    ['DELETE', '/api/sandbox/presets'],
    ['POST', '/api/sandbox/openapi.json'],
    ['PUT', '/api/sandbox/presets/'],
  ])('%s %s: 405 problem with Allow: GET, HEAD, OPTIONS (the documents are read-only)', async (method, path) => {
    const handler = method === 'POST' ? POST : method === 'DELETE' ? DELETE : PUT;
    const response = await handler(new Request(`${BASE}${path}`, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    expect((await GET(new Request(`${BASE}${path}`))).status).toBe(200);
  });

  test('unknown endpoint and unknown preset: 404 problem details', async () => {
    for (const path of ['/api/sandbox/nope', '/api/sandbox/presets/nope']) {
      const response = await GET(new Request(`${BASE}${path}`));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('app/api/exchange route handler', () => {
  const post = (body: string, contentType = 'application/json') =>
    exchange(new Request(`${BASE}/api/exchange`, { method: 'POST', headers: { 'Content-Type': contentType }, body }));

  test('returns the whole conversation for a request description', async () => {
    const response = await post(JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/proxy' }, mode: 'auto' }));
    expect(response.status).toBe(200);
    const transcript = (await response.json()) as { steps: { response: { status: number } }[] };
    expect(transcript.steps.map((step) => step.response.status)).toEqual([407, 401, 200]);
  });

  test.each([
    ['invalid JSON', '{"request":', 'application/json', 400],
    ['JSON that is not a request description', '{"request":{"method":"GET","target":"/etc/passwd"}}', 'application/json', 400],
    ['the wrong content type', 'x', 'text/plain', 415],
  ])('%s gets a %s problem', async (_name, body, contentType, status) => {
    const response = await post(body, contentType);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).status).toBe(status);
  });

  // A SCORM package runs the lesson from file:// (Origin "null") or from an LMS's origin, and calls
  // the lab from there: the answers must be readable cross-origin, without credentials.
  test.each(['null', 'https://lms.example.edu'])(
    'callable from Origin %s: the preflight passes and the answer is readable, never with credentials',
    async (origin) => {
      const preflight = await exchangeOptions(
        new Request(`${BASE}/api/exchange`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        }),
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

      const response = await exchange(
        new Request(`${BASE}/api/exchange`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/basic' }, mode: 'auto' }),
        }),
      );
      expect(response.status).toBe(200);
      // "*", not the caller's origin reflected: no origin is trusted more than another, and "*" cannot
      // carry credentials (WHATWG Fetch, CORS check); the lab sets no cookies either.
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      const transcript = (await response.json()) as { steps: { response: { status: number } }[] };
      expect(transcript.steps.map((step) => step.response.status)).toEqual([401, 200]);
    },
  );
});
