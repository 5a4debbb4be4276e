/** @jest-environment node */
import { bareAnswerFor, prepareBareAnswers } from '@/lib/sandbox/edge/bare-answers';
import { summariseFields, toNodeResponse, type FieldSummary } from '@/lib/sandbox/http/node';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { handleSandboxRequest, invariantBareTargets } from '@/lib/sandbox/routes/router';
import { request, testContext } from './support';

const bareFields: FieldSummary = { hosts: 1, credentials: false, body: false };

describe('invariantBareTargets', () => {
  const targets = invariantBareTargets();

  test('has the classic Basic, Bearer and proxy URLs and no Digest-first one', () => {
    expect(targets).toEqual(expect.arrayContaining(['/api/sandbox/basic', '/api/sandbox/bearer', '/api/sandbox/proxy', '/api/sandbox/presets/basic']));
    expect(targets).not.toContain('/api/sandbox/digest');
    expect(targets).not.toContain('/api/sandbox/presets/digest');
  });

  test('every preset is either prepared or answers each bare GET with a fresh Digest nonce', async () => {
    const ctx = testContext();
    for (const preset of allPresets()) {
      const target = `/api/sandbox/presets/${preset.id}`;
      const first = await handleSandboxRequest(request(target), ctx);
      ctx.advance(1_000);
      const second = await handleSandboxRequest(request(target), ctx);
      // Prepared exactly when two bare answers, a second apart, are the same.
      expect([preset.id, targets.includes(target)]).toEqual([preset.id, JSON.stringify(first) === JSON.stringify(second)]);
    }
  });
});

describe('prepareBareAnswers', () => {
  test('each prepared answer is byte for byte what the engine answers later, at another time', async () => {
    const answers = await prepareBareAnswers(testContext());
    expect([...answers.keys()].sort()).toEqual(invariantBareTargets().sort());
    const later = testContext(Date.UTC(2027, 0, 1));
    for (const [target, prepared] of answers) {
      const fresh = toNodeResponse(await handleSandboxRequest(request(target), later));
      expect({ target, status: prepared.status, fields: prepared.fields, body: prepared.body.toString('utf8') }).toEqual({
        target,
        status: fresh.status,
        fields: fresh.fields,
        body: fresh.body.toString('utf8'),
      });
    }
  });

  test('the prepared Basic answer is the 401 challenge with its problem body and Content-Length', async () => {
    const answers = await prepareBareAnswers(testContext());
    const basic = answers.get('/api/sandbox/basic');
    expect(basic?.status).toBe(401);
    const fields = basic?.fields ?? [];
    expect(fields[fields.indexOf('WWW-Authenticate') + 1]).toBe('Basic realm="reports", charset="UTF-8"');
    expect(fields[fields.indexOf('Content-Length') + 1]).toBe(String(basic?.body.length));
    expect(JSON.parse(basic?.body.toString('utf8') ?? '')).toMatchObject({ status: 401, title: 'Unauthorized' });
  });
});

describe('bareAnswerFor', () => {
  let answers: Awaited<ReturnType<typeof prepareBareAnswers>>;
  beforeAll(async () => {
    answers = await prepareBareAnswers(testContext());
  });

  test.each([
    ['GET, no credentials', true, 'GET', '/api/sandbox/basic', bareFields],
    ['HEAD, no credentials', true, 'HEAD', '/api/sandbox/basic', bareFields],
    ['with Authorization', false, 'GET', '/api/sandbox/basic', { ...bareFields, credentials: true }],
    ['with a body', false, 'GET', '/api/sandbox/basic', { ...bareFields, body: true }],
    ['POST', false, 'POST', '/api/sandbox/basic', bareFields],
    ['OPTIONS (a preflight)', false, 'OPTIONS', '/api/sandbox/basic', bareFields],
    ['a query (overrides)', false, 'GET', '/api/sandbox/basic?realm=x', bareFields],
    ['a trailing slash', false, 'GET', '/api/sandbox/basic/', bareFields],
    ['Digest (fresh nonce)', false, 'GET', '/api/sandbox/digest', bareFields],
    ['an unknown preset', false, 'GET', '/api/sandbox/presets/nope', bareFields],
  ])('%s → prepared: %s', (_name, expected, method, target, fields) => {
    expect(bareAnswerFor(answers, method, target, fields) !== undefined).toBe(expected);
  });
});

describe('summariseFields', () => {
  test.each<[string, string[], FieldSummary]>([
    ['a bare curl request', ['Host', 'x', 'User-Agent', 'curl/8', 'Accept', '*/*'], { hosts: 1, credentials: false, body: false }],
    ['no Host', ['Accept', '*/*'], { hosts: 0, credentials: false, body: false }],
    ['two Host lines, any case', ['Host', 'a', 'hOST', 'b'], { hosts: 2, credentials: false, body: false }],
    ['authorization in lower case', ['Host', 'x', 'authorization', 'Basic Zm9v'], { hosts: 1, credentials: true, body: false }],
    ['Proxy-Authorization only', ['Host', 'x', 'PROXY-AUTHORIZATION', 'Basic Zm9v'], { hosts: 1, credentials: true, body: false }],
    ['Content-Length: 0', ['Host', 'x', 'Content-Length', '0'], { hosts: 1, credentials: false, body: false }],
    ['Content-Length: 5', ['Host', 'x', 'content-length', '5'], { hosts: 1, credentials: false, body: true }],
    ['Transfer-Encoding', ['Host', 'x', 'Transfer-Encoding', 'chunked'], { hosts: 1, credentials: false, body: true }],
    ['look-alike names of the same length', ['Hast', 'x', 'Authorizatiox', 'y', 'Content-Lengtx', '9'], { hosts: 0, credentials: false, body: false }],
  ])('%s', (_name, raw, expected) => {
    expect(summariseFields(raw)).toEqual(expected);
  });
});
