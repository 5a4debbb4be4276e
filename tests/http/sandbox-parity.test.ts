// Two doors, one behaviour: for every preset, the real endpoint (server.ts on node:http) and the
// playground's /api/exchange answer the same request with the same status, headers and body.
import http from 'node:http';
import type { HeaderList } from '@/lib/sandbox/message';
import { allPresets } from '@/lib/sandbox/presets';
import { invariantBareTargets } from '@/lib/sandbox/router';
import { baseUrl } from './support/lab';

type Answer = { status: number; headers: HeaderList; body: string };

// Added by the transport, not the engine: connection management and the site-wide security headers.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options', 'content-security-policy']);

/** Nonces and cnonces are fresh on every challenge; everything else must match exactly. */
function normalise(answer: Answer): Answer {
  const headers = answer.headers
    .filter(([name]) => !TRANSPORT.has(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name.toLowerCase(), value.replace(/\bnonce="[^"]*"/g, 'nonce="…"')]);
  return { status: answer.status, headers, body: answer.body };
}

/** A request through node:http with `headers` sent as listed; the answer's field lines come back as pairs, in order. */
function nodeHttpRequest(method: string, target: string, headers: HeaderList, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(target, baseUrl());
    // Raw header pairs keep repeated fields apart; with an array, node:http adds no Host of its own.
    const flat = ['Host', url.host, ...headers.flatMap(([name, value]) => [name, value])];
    const request = http.request({ host: url.hostname, port: url.port, method, path: target, headers: flat }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const pairs: HeaderList = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? '']);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('real endpoint and /api/exchange agree', () => {
  test.each(allPresets().map((preset) => [preset.id, preset] as const))('%s', async (_id, preset) => {
    const { method, path, headers, body = '' } = preset.request;
    const real = await nodeHttpRequest(method, path, headers, body);
    const exchanged = await fetch(`${baseUrl()}/api/exchange`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ request: { method, target: path, headers, body }, mode: 'manual' }),
    });
    expect(exchanged.status).toBe(200);
    const transcript = (await exchanged.json()) as { steps: { response: Answer }[] };
    const [step] = transcript.steps;
    if (!step) throw new Error('no step');
    expect(normalise(step.response)).toEqual(normalise(real));
  });
});

// server.ts sends prepared bytes for a bare GET or HEAD of these URLs; with a trailing slash the same
// preset goes through the engine. The two must not differ in a single field line or byte.
describe('prepared bare answers and the engine agree', () => {
  const withoutDate = (answer: Answer): Answer => ({ ...answer, headers: answer.headers.filter(([name]) => name.toLowerCase() !== 'date') });

  test.each(invariantBareTargets().map((target) => [target]))('%s', async (target) => {
    const curlish: HeaderList = [['User-Agent', 'curl/8.0'], ['Accept', '*/*']];
    const prepared = await nodeHttpRequest('GET', target, curlish, '');
    const engine = await nodeHttpRequest('GET', `${target}/`, curlish, '');
    expect(prepared.status).toBeGreaterThanOrEqual(400);
    expect(withoutDate(prepared)).toEqual(withoutDate(engine));
    const head = await nodeHttpRequest('HEAD', target, curlish, '');
    expect(withoutDate(head)).toEqual({ ...withoutDate(prepared), body: '' });
  });
});
