import fs from 'node:fs';
import path from 'node:path';
import { analyseRecording, diagnoseConversations, groupConversations, type RecordedExchange } from '@/lib/har';
import { recorded, redactedInOrder } from './support';

// Each rule fires on its own case, with the hop that shows it, and stays silent on clean conversations.

function diagnose(list: RecordedExchange[]) {
  const exchanges = redactedInOrder(list);
  return diagnoseConversations(groupConversations(exchanges), exchanges);
}

const basic401: Array<[string, string]> = [['WWW-Authenticate', 'Basic realm="api"']];

describe('no-challenge', () => {
  test.each([
    [401, 'WWW-Authenticate', 'RFC 9110 §15.5.2'],
    [407, 'Proxy-Authenticate', 'RFC 9110 §15.5.8'],
  ])('a %i without %s is a problem, cited to %s', (status, field, rfc) => {
    // A 407 on an https request is also proxy-auth-from-origin's (diagnosis-rules.test.ts): only this rule here.
    const found = diagnose([recorded('GET', 'https://api.example/reports', status)]).filter((d) => d.rule === 'no-challenge');
    expect(found).toEqual([expect.objectContaining({ rule: 'no-challenge', severity: 'problem', hops: [0], title: `A ${status} without ${field}` })]);
    expect(found[0]?.rfc).toContain(rfc);
  });

  test('an empty field is no challenge either; a real challenge is fine', () => {
    expect(diagnose([recorded('GET', 'https://api.example/a', 401, { response: [['WWW-Authenticate', ' ']] })]).map((d) => d.rule)).toEqual(['no-challenge']);
    expect(diagnose([recorded('GET', 'https://api.example/a', 401, { response: basic401 })])).toEqual([]);
  });
});

describe('rate-limited-not-auth', () => {
  test('a 429 is named a rate limit, with its Retry-After', () => {
    const found = diagnose([
      recorded('GET', 'https://api.example/a', 200, { request: [['Authorization', 'Bearer abcdefghijklmnop']] }),
      recorded('GET', 'https://api.example/a', 429, { request: [['Authorization', 'Bearer abcdefghijklmnop']], response: [['Retry-After', '30']] }),
    ]);
    expect(found).toEqual([expect.objectContaining({ rule: 'rate-limited-not-auth', hops: [1], rfc: ['RFC 6585 §4'] })]);
    expect(found[0]?.fix).toMatch(/Retry-After says \(30\)/);
    // The diagnosis shows only what redaction left: never the token.
    expect(JSON.stringify(found)).not.toContain('abcdefghijklmnop');
  });
});

test('the recorded Chromium session against the lab: no challenge is missing and nothing was rate-limited', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../fixtures/har/chromium-lab.har'), 'utf8');
  const { analysis } = analyseRecording(text);
  if (analysis.kind !== 'analysed') throw new Error(analysis.message);
  expect(analysis.diagnoses.filter((d) => d.rule === 'no-challenge' || d.rule === 'rate-limited-not-auth')).toEqual([]);
});
