import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleSandboxRequest } from '@/lib/sandbox/routes/router';
import type { ExchangeInput } from '@/lib/sandbox/exchange/input';
import { request, testContext } from './support';

// The bytes a client receives from POST /api/exchange, pinned: the exchange is on the sandbox's hot path
// (issue 23), and speeding it up must not change one byte of the transcript. With the clock and the
// randomness fixed, each conversation below must serialize exactly as the golden file recorded it
// against the code before any of that work. GOLDEN_UPDATE=1 rewrites the file (review the diff).

const GOLDEN = join(__dirname, '../../fixtures/exchange/transcripts.json');

const CONVERSATIONS: [string, ExchangeInput][] = [
  ['proxy two-hop', { request: { method: 'GET', target: '/api/sandbox/proxy' }, mode: 'auto' }],
  ['digest', { request: { method: 'GET', target: '/api/sandbox/digest' }, mode: 'auto' }],
  ['bearer', { request: { method: 'GET', target: '/api/sandbox/bearer' }, mode: 'auto' }],
  ['basic wrong password', { request: { method: 'GET', target: '/api/sandbox/presets/basic-wrong-password' }, mode: 'auto' }],
  [
    'digest configured by query, auth-int with a body',
    {
      request: {
        method: 'POST',
        target: '/api/sandbox/digest?algorithm=SHA-256&qop=auth-int&realm=lab%20x',
        headers: [['Content-Type', 'application/json']],
        body: '{"title":"Q4 plan"}',
      },
      mode: 'auto',
    },
  ],
  ['basic realm by query, manual', { request: { method: 'GET', target: '/api/sandbox/basic?realm=x' }, mode: 'manual' }],
  ['digest stale nonce', { request: { method: 'GET', target: '/api/sandbox/presets/digest-stale-nonce' }, mode: 'auto' }],
  ['ntlm proxy, one connection', { request: { method: 'GET', target: '/api/sandbox/presets/ntlm-proxy' }, mode: 'auto' }],
  ['bearer expired token', { request: { method: 'GET', target: '/api/sandbox/presets/bearer-expired-token' }, mode: 'auto' }],
];

/** A context whose randomness is a fixed sequence, so nonces, cnonces and tokens come out the same on every run. */
function fixedContext() {
  const ctx = testContext();
  let counter = 0;
  ctx.random = (length) => Uint8Array.from({ length }, () => (counter = (counter * 31 + 7) & 0xff));
  return ctx;
}

async function transcripts(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, input] of CONVERSATIONS) {
    const response = await handleSandboxRequest(
      request('/api/exchange', [['Content-Type', 'application/json']], 'POST', JSON.stringify(input)),
      fixedContext(),
    );
    expect(response.status).toBe(200);
    out[name] = response.body;
  }
  return out;
}

test('POST /api/exchange sends the same bytes as the golden transcripts', async () => {
  const actual = await transcripts();
  if (process.env.GOLDEN_UPDATE === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
  expect(Object.keys(actual)).toEqual(Object.keys(golden));
  for (const name of Object.keys(golden)) expect([name, actual[name]]).toEqual([name, golden[name]]);
});

test('the fixed context really fixes the transcript (two runs, same bytes)', async () => {
  expect(await transcripts()).toEqual(await transcripts());
});
