// Two doors, one behaviour, over real HTTP: the in-process test (tests/app/sandbox-parity.test.ts) holds
// every preset and every prepared URL to it; this one checks that the production server (server.ts on
// node:http) serves those doors as they were tested: one preset through the real endpoint and through
// /api/exchange, and one prepared URL by GET and HEAD against the engine's answer with a trailing slash.
import { request } from '../../bench/support/sandbox-client.mjs';
import type { HeaderList } from '@/lib/sandbox/message';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { baseUrl } from './support/lab';
import { normaliseForParity, type Answer } from './support/parity';

/** The request through node:http with its field lines as listed (a Host first). */
function send(method: string, target: string, headers: HeaderList, body = ''): Promise<Answer> {
  const url = new URL(target, baseUrl());
  return request(url, { method, headers: ['Host', url.host, ...headers.flat()], body });
}

const withoutDate = (answer: Answer): Answer => ({ ...answer, headers: answer.headers.filter(([name]) => name.toLowerCase() !== 'date') });

test("over HTTP: a preset answers alike at its endpoint and through /api/exchange, and a prepared answer is the engine's", async () => {
  const preset = findPreset('digest-auth-int');
  if (!preset) throw new Error('no preset digest-auth-int');
  const { method, path, headers, body = '' } = preset.request;
  const real = await send(method, path, headers, body);
  const exchanged = await fetch(`${baseUrl()}/api/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ request: { method, target: path, headers, body }, mode: 'manual' }),
  });
  expect(exchanged.status).toBe(200);
  const [step] = ((await exchanged.json()) as { steps: { response: Answer }[] }).steps;
  if (!step) throw new Error('no step');
  expect(normaliseForParity(step.response)).toEqual(normaliseForParity(real));

  const curlish: HeaderList = [
    ['User-Agent', 'curl/8.0'],
    ['Accept', '*/*'],
  ];
  const prepared = await send('GET', '/api/sandbox/basic', curlish);
  expect(prepared.status).toBe(401);
  expect(withoutDate(prepared)).toEqual(withoutDate(await send('GET', '/api/sandbox/basic/', curlish)));
  expect(withoutDate(await send('HEAD', '/api/sandbox/basic', curlish))).toEqual({ ...withoutDate(prepared), body: '' });
});
