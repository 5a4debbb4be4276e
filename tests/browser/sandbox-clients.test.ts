// The sandbox as real clients see it: Debian's curl and headless Chromium against the production server
// (server.ts), exactly what a learner following a lesson would type or click.
import { createHash } from 'node:crypto';
import { answerChallenges, provide, type AuthAnswer } from '@/scripts/cdp-auth';
import { curl, json, single, values, type CurlResponse } from '../http/support/curl';
import { openBrowser } from './support/chromium';
import { baseUrl } from './support/site';

const url = (path: string) => `${baseUrl()}${path}`;
const ALICE = 'alice:wonderland';
/** base64("alice:wonderland") (RFC 7617 §2). */
const ALICE_BASIC = 'YWxpY2U6d29uZGVybGFuZA==';

describe('curl: Basic', () => {
  test('--basic -u alice:wonderland gets 200 and a body naming alice', async () => {
    const result = await curl(['--basic', '-u', ALICE, url('/api/sandbox/basic')]);
    expect(result.status).toBe(200);
    expect(json(result)).toMatchObject({ authenticated: true, user: 'alice', scheme: 'Basic' });
  });

  test('no credentials: 401 with the Basic challenge (realm and charset)', async () => {
    const result = await curl([url('/api/sandbox/basic')]);
    expect(result.status).toBe(401);
    expect(values(result, 'WWW-Authenticate')).toEqual(['Basic realm="reports", charset="UTF-8"']);
    expect(json(result)).toMatchObject({ status: 401 });
  });

  test('a wrong password: 401 again, with a fresh challenge', async () => {
    const result = await curl(['--basic', '-u', 'alice:looking-glass', url('/api/sandbox/basic')]);
    expect(result.status).toBe(401);
    expect(single(result, 'WWW-Authenticate')).toMatch(/^Basic realm="reports"/);
  });
});

describe('curl: Digest', () => {
  test.each(['MD5', 'SHA-256'])('--digest with algorithm=%s: 200 and Authentication-Info with rspauth', async (algorithm) => {
    const result = await curl(['--digest', '-u', ALICE, url(`/api/sandbox/digest?algorithm=${algorithm}`)]);
    expect(result.responses.map((response) => response.status)).toEqual([401, 200]);
    expect(single(result.responses[0] as CurlResponse, 'WWW-Authenticate')).toContain(`algorithm=${algorithm},`);
    // rspauth is a hex digest: 32 digits for MD5, 64 for SHA-256.
    const hexLength = algorithm === 'MD5' ? 32 : 64;
    expect(single(result, 'Authentication-Info')).toMatch(new RegExp(`rspauth="[0-9a-f]{${hexLength}}"`));
    expect(json(result)).toMatchObject({ user: 'alice', scheme: 'Digest' });
  });

  // curl 7.88 (Debian 12) announces qop=auth-int but always hashes an EMPTY entity body into A2
  // (lib/vauth/digest.c: "We don't support auth-int for PUT or POST"). So a POST with a body is
  // refused, correctly: the server hashed the real body. The sandbox is not at fault, as the same
  // request with a hand-computed auth-int answer (and a GET, whose body is empty) shows.
  test('qop=auth-int: curl hashes an empty body, so its POST with --data is refused; a correct answer passes', async () => {
    const target = '/api/sandbox/digest?algorithm=SHA-256&qop=auth-int';
    const body = '{"title":"Q4 plan"}';
    const posted = await curl(['--digest', '-u', ALICE, '--data', body, url(target)], { verbose: true });
    expect(posted.verbose).toMatch(/^> Authorization: Digest .*qop=auth-int/m);
    expect(posted.status).toBe(401);
    expect(json(posted)).toMatchObject({ status: 401 });

    // A GET has an empty body, so curl's hash happens to be right.
    const got = await curl(['--digest', '-u', ALICE, url(target)]);
    expect(got.status).toBe(200);
    expect(single(got, 'Authentication-Info')).toMatch(/qop=auth-int, rspauth="[0-9a-f]{64}"/);

    // The same POST answered by the book (RFC 7616 §3.4.3: A2 = method ":" uri ":" H(body)).
    const challenge = single(await curl([url(target)]), 'WWW-Authenticate');
    const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1] ?? '';
    const opaque = /opaque="([^"]+)"/.exec(challenge)?.[1] ?? '';
    const h = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const cnonce = 'c0ffee';
    const response = h(`${h('alice:reports:wonderland')}:${nonce}:00000001:${cnonce}:auth-int:${h(`POST:${target}:${h(body)}`)}`);
    const authorization =
      `Digest username="alice", realm="reports", nonce="${nonce}", uri="${target}", algorithm=SHA-256, ` +
      `qop=auth-int, nc=00000001, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`;
    const byHand = await curl(['-H', `Authorization: ${authorization}`, '--data', body, url(target)]);
    expect(byHand.status).toBe(200);
    expect(json(byHand)).toMatchObject({ user: 'alice', method: 'POST' });
  });

  test('--anyauth picks Digest (the strongest offered) and gets 200', async () => {
    const result = await curl(['--anyauth', '-u', ALICE, url('/api/sandbox/digest')], { verbose: true });
    expect(result.status).toBe(200);
    expect(result.verbose).toMatch(/^> Authorization: Digest username="alice"/m);
    expect(json(result)).toMatchObject({ user: 'alice', scheme: 'Digest' });
  });
});

describe('curl: Bearer and the token endpoint', () => {
  async function token(scope: string): Promise<string> {
    const result = await curl(['-u', ALICE, '-d', 'grant_type=client_credentials', '-d', `scope=${scope}`, url('/api/sandbox/token')]);
    expect(result.status).toBe(200);
    return String(json(result).access_token);
  }

  test('client_credentials: 200 with access_token, token_type Bearer, expires_in, and no-store', async () => {
    const result = await curl(['-u', ALICE, '-d', 'grant_type=client_credentials', '-d', 'scope=read', url('/api/sandbox/token')]);
    expect(result.status).toBe(200);
    const body = json(result);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read' });
    expect(body.access_token).toEqual(expect.stringMatching(/^[\w.~+/-]+=*$/));
    expect(body.expires_in).toEqual(expect.any(Number));
    expect(single(result, 'Cache-Control')).toBe('no-store');
  });

  test('the token opens /bearer?scope=read (200); scope=write is 403 insufficient_scope', async () => {
    const accessToken = await token('read');
    const read = await curl(['-H', `Authorization: Bearer ${accessToken}`, url('/api/sandbox/bearer?scope=read')]);
    expect(read.status).toBe(200);
    expect(json(read)).toMatchObject({ user: 'alice', scheme: 'Bearer', scope: 'read' });

    const write = await curl(['-H', `Authorization: Bearer ${accessToken}`, url('/api/sandbox/bearer?scope=write')]);
    expect(write.status).toBe(403);
    const challenge = single(write, 'WWW-Authenticate');
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="write"');
  });

  test('a garbage token: 401 with error="invalid_token"', async () => {
    const result = await curl(['-H', 'Authorization: Bearer not-a-token-this-server-issued', url('/api/sandbox/bearer?scope=read')]);
    expect(result.status).toBe(401);
    expect(single(result, 'WWW-Authenticate')).toMatch(/^Bearer realm="reports", .*error="invalid_token"/);
  });

  test('a lower-case "bearer" scheme works: scheme names are case-insensitive (RFC 9110 §11.1)', async () => {
    const result = await curl(['-H', `Authorization: bearer ${await token('read')}`, url('/api/sandbox/bearer?scope=read')]);
    expect(result.status).toBe(200);
  });

  test('a token in both the header and ?access_token=: 400 invalid_request', async () => {
    const accessToken = await token('read');
    const result = await curl(['-H', `Authorization: Bearer ${accessToken}`, url(`/api/sandbox/bearer?scope=read&access_token=${accessToken}`)]);
    expect(result.status).toBe(400);
    expect(single(result, 'WWW-Authenticate')).toContain('error="invalid_request"');
    expect(json(result)).toMatchObject({ status: 400 });
  });
});

describe('curl: a proxy, then the origin', () => {
  const proxyCredentials = `Proxy-Authorization: Basic ${ALICE_BASIC}`;

  test('nothing: 407 with Proxy-Authenticate, no WWW-Authenticate', async () => {
    const result = await curl([url('/api/sandbox/proxy')]);
    expect(result.status).toBe(407);
    expect(single(result, 'Proxy-Authenticate')).toBe('Basic realm="corp-proxy", charset="UTF-8"');
    expect(values(result, 'WWW-Authenticate')).toEqual([]);
  });

  test('Proxy-Authorization only: the origin asks next (401, WWW-Authenticate, no Proxy-Authenticate)', async () => {
    const result = await curl(['-H', proxyCredentials, url('/api/sandbox/proxy')]);
    expect(result.status).toBe(401);
    expect(single(result, 'WWW-Authenticate')).toBe('Basic realm="reports", charset="UTF-8"');
    expect(values(result, 'Proxy-Authenticate')).toEqual([]);
  });

  test('both credentials: 200', async () => {
    const result = await curl(['-H', proxyCredentials, '--basic', '-u', ALICE, url('/api/sandbox/proxy')]);
    expect(result.status).toBe(200);
    expect(json(result)).toMatchObject({ user: 'alice' });
  });

  // BUG (server.ts): an absolute-form request-target (what any client sends to a proxy it is configured
  // to use, RFC 9112 §3.2.2) is not recognised as a sandbox path and goes to Next, which answers
  // 308 Location: <the same URL>: `curl -x` loops, and the lab can never act as a real configured proxy.
  test('curl -x (the lab as the configured proxy) gets the 407 challenge, not a redirect to itself', async () => {
    const result = await curl(['-x', baseUrl(), url('/api/sandbox/proxy')]);
    expect(values(result, 'Location')).toEqual([]);
    expect(result.status).toBe(407);
    expect(single(result, 'Proxy-Authenticate')).toMatch(/^Basic realm="corp-proxy"/);
  });
});

describe('curl: several challenges and CORS', () => {
  test('several challenges come one per WWW-Authenticate line: Digest, Bearer, Basic', async () => {
    const result = await curl([url('/api/sandbox/presets/several-challenges')]);
    expect(result.status).toBe(401);
    const lines = values(result, 'WWW-Authenticate');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['Digest', 'Bearer', 'Basic']);
  });

  test('?layout=one-line puts every challenge on a single line, in the same order', async () => {
    const result = await curl([url('/api/sandbox/presets/several-challenges?layout=one-line')]);
    expect(result.status).toBe(401);
    const line = single(result, 'WWW-Authenticate');
    expect(line).toMatch(/^Digest .*, Bearer realm="reports", Basic realm="reports"/);
  });

  test('a CORS preflight is 204, lists Authorization by name, and is never challenged', async () => {
    const result = await curl([
      '-X',
      'OPTIONS',
      '-H',
      'Origin: https://trainer.example',
      '-H',
      'Access-Control-Request-Method: GET',
      '-H',
      'Access-Control-Request-Headers: authorization',
      url('/api/sandbox/basic'),
    ]);
    expect(result.status).toBe(204);
    const allowed = single(result, 'Access-Control-Allow-Headers')
      .split(',')
      .map((name) => name.trim().toLowerCase());
    expect(allowed).toContain('authorization');
    expect(allowed).not.toContain('*');
    expect(values(result, 'WWW-Authenticate')).toEqual([]);
  });

  test('a 401 exposes WWW-Authenticate to cross-origin scripts', async () => {
    const result = await curl(['-H', 'Origin: https://trainer.example', url('/api/sandbox/basic')]);
    expect(result.status).toBe(401);
    const exposed = single(result, 'Access-Control-Expose-Headers')
      .split(',')
      .map((name) => name.trim().toLowerCase());
    expect(exposed).toContain('www-authenticate');
  });
});

describe('headless Chromium answering the challenge through CDP', () => {
  async function navigate(path: string, answer: (attempt: number) => AuthAnswer) {
    const session = await openBrowser({ realChromium: true });
    try {
      const auth = await answerChallenges(session.context, session.page, (_challenge, attempt) => answer(attempt));
      const response = await session.page.goto(url(path));
      const text = await session.page.locator('body').innerText();
      await auth.detach();
      return { status: response?.status(), headers: response?.headers() ?? {}, text, challenges: auth.challenges };
    } finally {
      await session.close();
    }
  }
  const alice = () => provide('alice', 'wonderland');

  test('Basic: Chromium asks once (scheme basic, realm "reports") and shows alice\'s 200', async () => {
    const result = await navigate('/api/sandbox/basic', alice);
    expect(result.status).toBe(200);
    expect(result.text).toContain('alice');
    expect(result.challenges).toHaveLength(1);
    expect(result.challenges[0]).toMatchObject({ source: 'Server', realm: 'reports' });
    expect(result.challenges[0]?.scheme.toLowerCase()).toBe('basic');
  });

  // Offered SHA-256 first and MD5 second, Chromium answers SHA-256 (a 64-digit rspauth); it also
  // answers MD5 alone.
  test.each([
    ['/api/sandbox/digest', 64],
    ['/api/sandbox/digest?algorithm=SHA-256', 64],
    ['/api/sandbox/digest?algorithm=MD5', 32],
  ])('Digest at %s: 200, and the algorithm Chromium chose shows in rspauth', async (path, hexLength) => {
    const result = await navigate(path, alice);
    expect(result.status).toBe(200);
    expect(result.text).toContain('alice');
    expect(result.challenges.map((challenge) => [challenge.scheme.toLowerCase(), challenge.realm])).toEqual([['digest', 'reports']]);
    expect(result.headers['authentication-info']).toMatch(new RegExp(`rspauth="[0-9a-f]{${hexLength}}"`));
  });

  test('several challenges: Chromium answers the first it supports (Digest)', async () => {
    const result = await navigate('/api/sandbox/presets/several-challenges', alice);
    expect(result.status).toBe(200);
    expect(result.challenges.map((challenge) => challenge.scheme.toLowerCase())).toEqual(['digest']);
    expect(result.text).toContain('"scheme":"Digest"');
  });

  test('a wrong password, then Cancel: the page shows the 401 problem body', async () => {
    const result = await navigate('/api/sandbox/basic', (attempt) => (attempt === 0 ? provide('alice', 'looking-glass') : { response: 'CancelAuth' }));
    expect(result.status).toBe(401);
    // Asked twice: the wrong password earned a fresh challenge, which was cancelled.
    expect(result.challenges).toHaveLength(2);
    const problem = JSON.parse(result.text) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(problem.detail).toEqual(expect.stringMatching(/\S/));
  });

  test('a 407 from a server that is not the configured proxy is a network error (ERR_UNEXPECTED_PROXY_AUTH)', async () => {
    await expect(navigate('/api/sandbox/proxy', alice)).rejects.toThrow(/ERR_UNEXPECTED_PROXY_AUTH/);
  });
});
