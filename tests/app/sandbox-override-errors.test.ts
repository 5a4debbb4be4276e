/** @jest-environment node */
// Issue 16, bug 6, at the route handler: a bad query override is a 400 problem whose detail names the
// parameter as the URL wrote it and the values it takes, not the scenario's internal path.
import { GET } from '@/app/api/sandbox/[[...path]]/route';

const BASE = 'http://lab.test';

async function problemFor(path: string): Promise<{ status: number; type: string | null; detail: string }> {
  const response = await GET(new Request(`${BASE}${path}`));
  const body = (await response.json()) as { detail: string };
  return { status: response.status, type: response.headers.get('content-type'), detail: body.detail };
}

describe('sandbox query overrides refused in plain words', () => {
  test.each([
    [
      '/api/sandbox/digest?algorithm=rot13',
      'algorithm: "rot13" is not a Digest algorithm; use MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256 or SHA-512-256-sess, comma-separated.',
    ],
    ['/api/sandbox/digest?qop=auth-conf', 'qop: "auth-conf" is not a Digest quality of protection (qop); use auth or auth-int, comma-separated.'],
    ['/api/sandbox/basic?status=500', 'status: "500" is not a refusal status; use 403 or 404.'],
    ['/api/sandbox/bearer?token_lifetime=forever', 'token_lifetime: "forever" is not a whole number of seconds from 1 to 86400.'],
    ['/api/sandbox/presets/basic?schemes=kerberos', 'schemes: "kerberos" is not a scheme; use basic, bearer, digest, ntlm or negotiate, comma-separated.'],
    ['/api/sandbox/proxy?proxy=kerberos', 'proxy: "kerberos" is not a proxy setting; use none, basic, digest, ntlm or negotiate.'],
  ])('%s', async (path, detail) => {
    expect(await problemFor(path)).toEqual({ status: 400, type: 'application/problem+json', detail });
  });

  test('a value that is fine on its own still works', async () => {
    const response = await GET(new Request(`${BASE}/api/sandbox/digest?algorithm=SHA-512-256`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('algorithm=SHA-512-256');
  });
});
