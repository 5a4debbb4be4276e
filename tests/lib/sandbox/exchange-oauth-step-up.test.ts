import { runExchange } from '@/lib/sandbox/exchange/run';
import { exchangeInputSchema, type ExchangeInput, type SignIn } from '@/lib/sandbox/exchange/input';
import { headerValues } from '@/lib/sandbox/message';
import { sandboxSender } from '@/lib/sandbox/routes/router';
import type { SendRequest } from '@/lib/sandbox/routes/route';
import { testContext } from './support';

// oauth mode against the transfer resource: the retry's 401 insufficient_user_authentication is not the end.
// The client asks again with acr_values and max_age (RFC 9470 §4), the page asks for the one-time code it
// shows, and the stepped-up token is taken. Every hop goes through the real router.

const ORIGIN = 'http://lab.example';
const TRANSFER = '/api/sandbox/oauth/transfer';
const ALICE: SignIn = { username: 'alice', password: 'wonderland', decision: 'allow' };

function input(signIn: SignIn = ALICE): ExchangeInput {
  return { request: { method: 'POST', target: TRANSFER, headers: [] }, mode: 'oauth', signIn };
}

async function run(value: ExchangeInput, wrap?: (send: SendRequest) => SendRequest) {
  const ctx = testContext();
  const send = sandboxSender(ctx);
  return runExchange(exchangeInputSchema.parse(value), ctx, wrap ? wrap(send) : send, ORIGIN);
}

const TARGETS = [
  TRANSFER,
  '/.well-known/oauth-protected-resource/api/sandbox/oauth/transfer',
  '/.well-known/oauth-authorization-server/api/sandbox/oauth',
  '/api/sandbox/oauth/register',
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/token',
  TRANSFER,
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/token',
  TRANSFER,
];

// How far each sign-in gets, and what the last step says.
const CASES: [string, SignIn, number[], RegExp][] = [
  [
    'alice, the code read from the page: a stepped-up token is taken',
    ALICE,
    [401, 200, 200, 201, 200, 303, 200, 401, 200, 303, 200, 200],
    /^200: .*acr and auth_time \(RFC 9470 §3\).*chain is complete/,
  ],
  [
    'bob, the code typed right',
    { username: 'bob', password: 'builder', decision: 'allow', otp: '246810' },
    [401, 200, 200, 201, 200, 303, 200, 401, 200, 303, 200, 200],
    /chain is complete/,
  ],
  [
    'a wrong one-time code: the page refuses it and the client gets nothing',
    { ...ALICE, otp: '111111' },
    [401, 200, 200, 201, 200, 303, 200, 401, 200, 200],
    /The page came back.*one-time code is wrong/,
  ],
  ['deny: access_denied before any step-up', { ...ALICE, decision: 'deny' }, [401, 200, 200, 201, 200, 303], /error=access_denied/],
];

describe('exchange in oauth mode, with a step-up (RFC 9470)', () => {
  test.each(CASES)('%s', async (_name, signIn, statuses, last) => {
    const transcript = await run(input(signIn));
    expect(transcript.steps.map((step) => step.response.status)).toEqual(statuses);
    expect(transcript.steps.map((step) => step.request.target.split('?')[0])).toEqual(TARGETS.slice(0, statuses.length));
    expect(transcript.steps.slice(0, -1).every((step) => step.next.kind === 'follow')).toBe(true);
    expect(transcript.steps.at(-1)?.next).toMatchObject({ kind: 'stop', explanation: expect.stringMatching(last) });
    for (const step of transcript.steps) expect(step.next.explanation).toMatch(/RFC \d+ §\d/);
    expect(transcript.steps.filter((step) => step.request.target === TRANSFER).every((step) => step.request.method === 'POST')).toBe(true);
  });

  test('the 401 names acr_values and max_age; the new authorization request carries both, with the same client_id and a new state', async () => {
    const { steps } = await run(input());
    const challenge = headerValues(steps[7]?.response.headers ?? [], 'WWW-Authenticate').join(', ');
    expect(challenge).toMatch(/error="insufficient_user_authentication"/);
    expect(steps[7]?.next.explanation).toMatch(/acr_values="mfa".*max_age="120".*RFC 9470 §4/);
    const first = new URLSearchParams(steps[4]?.request.target.split('?')[1]);
    const second = new URLSearchParams(steps[8]?.request.target.split('?')[1]);
    expect([first.get('acr_values'), first.get('max_age')]).toEqual([null, null]);
    expect([second.get('acr_values'), second.get('max_age')]).toEqual(['mfa', '120']);
    expect(second.get('client_id')).toBe(first.get('client_id'));
    expect(second.get('state')).not.toBe(first.get('state'));
    expect(steps.filter((step) => step.request.target.startsWith('/api/sandbox/oauth/register'))).toHaveLength(1);
  });

  test('the browser posts the code the page shows, read from the page, not one the client made up', async () => {
    const { steps } = await run(input(), (send) => async (request) => {
      const result = await send(request);
      // The page shows another code than the lab checks: the client must post what it read, and be refused.
      if (request.method !== 'GET' || !request.target.includes('acr_values=mfa')) return result;
      return { ...result, response: { ...result.response, body: result.response.body.replace('<strong>246810</strong>', '<strong>135791</strong>') } };
    });
    const form = new URLSearchParams(steps[9]?.request.body);
    expect(form.get('otp')).toBe('135791');
    expect(steps[8]?.next.explanation).toMatch(/the one the page shows, 135791/);
    expect(steps.at(-1)?.next.explanation).toMatch(/one-time code is wrong/);
  });

  test('the first consent page asks for no code, so none is posted', async () => {
    const { steps } = await run(input({ ...ALICE, otp: '246810' }));
    expect(new URLSearchParams(steps[5]?.request.body).has('otp')).toBe(false);
    expect(new URLSearchParams(steps[9]?.request.body).get('otp')).toBe('246810');
  });

  test('whoami never asks for a step-up: eight steps, as before', async () => {
    const transcript = await run({ request: { method: 'GET', target: '/api/sandbox/oauth/whoami' }, mode: 'oauth' });
    expect(transcript.steps).toHaveLength(8);
  });

  test('a resource that refuses the stepped-up token too is not asked a third time', async () => {
    const transfers: Awaited<ReturnType<SendRequest>>[] = [];
    const { steps } = await run(input(), (send) => async (request) => {
      if (request.target !== TRANSFER) return send(request);
      // The stepped-up retry gets the same step-up 401 as the first retry did.
      const result = transfers[1] ?? (await send(request));
      transfers.push(result);
      return result;
    });
    expect(steps).toHaveLength(12);
    expect(steps.at(-1)?.response.status).toBe(401);
    expect(steps.at(-1)?.next).toMatchObject({ kind: 'stop', explanation: expect.stringMatching(/still wants a stronger sign-in.*would not loop/) });
  });
});
