/** @jest-environment node */
// POST /api/exchange in oauth mode through the Next route handler (the Web adapter of `next dev`), with
// real Request objects: the whole chain comes back as one transcript, and bad input is still a 400 problem.
import { POST as exchange } from '@/app/api/exchange/route';

const post = (body: unknown, host = 'lab.test:3000') =>
  exchange(
    new Request(`http://${host}/api/exchange`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: host },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

type Step = {
  request: { method: string; target: string; raw: string };
  response: { status: number };
  chain?: { sender: string };
  next: { kind: string; explanation: string };
};

describe('POST /api/exchange, mode oauth', () => {
  test('whoami: the eight hops from the 401 to the 200, the consent hops the browser’s', async () => {
    const response = await post({ request: { method: 'GET', target: '/api/sandbox/oauth/whoami' }, mode: 'oauth' });
    expect(response.status).toBe(200);
    const transcript = (await response.json()) as { mode: string; steps: Step[] };
    expect(transcript.mode).toBe('oauth');
    expect(transcript.steps.map((step) => step.response.status)).toEqual([401, 200, 200, 201, 200, 303, 200, 200]);
    expect(transcript.steps.map((step) => step.chain?.sender)).toEqual(['client', 'client', 'client', 'client', 'browser', 'browser', 'client', 'client']);
    // The documents name the origin the exchange was reached at, and every hop goes there.
    const resourceMetadata = transcript.steps[1]?.response;
    expect(JSON.stringify(resourceMetadata)).toContain('http://lab.test:3000/api/sandbox/oauth/whoami');
    expect(transcript.steps.every((step) => step.request.raw.includes('\r\nHost: lab.test:3000\r\n'))).toBe(true);
  });

  test('deny: stops at the redirect with error=access_denied', async () => {
    const response = await post({
      request: { method: 'GET', target: '/api/sandbox/oauth/whoami' },
      mode: 'oauth',
      signIn: { username: 'bob', password: 'builder', decision: 'deny' },
    });
    const transcript = (await response.json()) as { steps: Step[] };
    expect(transcript.steps.map((step) => step.response.status)).toEqual([401, 200, 200, 201, 200, 303]);
    expect(transcript.steps.at(-1)?.next.explanation).toContain('error=access_denied');
  });

  test.each([
    ['an unknown decision', { decision: 'maybe', username: 'alice', password: 'wonderland' }, 'signIn.decision'],
    ['a control character in the password', { decision: 'allow', username: 'alice', password: 'a\nb' }, 'signIn.password'],
    ['an over-long user name', { decision: 'allow', username: 'a'.repeat(129), password: 'x' }, 'signIn.username'],
    ['no decision', { username: 'alice', password: 'wonderland' }, 'signIn.decision'],
  ])('%s: 400 problem+json naming signIn', async (_name, signIn, path) => {
    const response = await post({ request: { method: 'GET', target: '/api/sandbox/oauth/whoami' }, mode: 'oauth', signIn });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { issues: { path: string }[] };
    expect(problem.issues.map((issue) => issue.path)).toContain(path);
  });

  test('an unknown mode and a target outside the sandbox are still refused', async () => {
    const mode = await post({ request: { method: 'GET', target: '/api/sandbox/oauth/whoami' }, mode: 'oidc' });
    expect(mode.status).toBe(400);
    const target = await post({ request: { method: 'GET', target: '/.well-known/oauth-authorization-server/api/sandbox/oauth' }, mode: 'oauth' });
    expect(target.status).toBe(400);
  });
});
