import fs from 'node:fs';
import path from 'node:path';
import { sequenceArrows } from '@/components/playground/TranscriptSequenceDiagram';
import {
  type RecordedExchange,
  type RedactedExchange,
  conversationTranscript,
  groupConversations,
  originOf,
  parseCurlVerbose,
  parseHar,
  redactRecording,
} from '@/lib/har';
import { recorded, redactedInOrder } from './support';

// The auth exchanges of a recording, grouped into conversations and drawn by the playground's own views.

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/har', name), 'utf8');

function redacted(name: string): RedactedExchange[] {
  const read = parseHar(fixture(name));
  if (read.kind !== 'recording') throw new Error(read.message);
  return redactRecording(read).exchanges;
}

function group(list: RecordedExchange[], gapMs?: number) {
  return groupConversations(redactedInOrder(list), gapMs === undefined ? {} : { gapMs });
}

const summary = (conversations: ReturnType<typeof group>) =>
  conversations.map((c) =>
    c.hops.map((h) => `${h.exchange.request.method} ${h.exchange.request.url.replace(/^https?:\/\//, '')} ${h.exchange.response.status}`),
  );

describe('groupConversations on the recorded fixtures', () => {
  test('Chromium: Basic, Digest and Bearer on the lab form one conversation; the cross-origin redirect another', () => {
    const conversations = groupConversations(redacted('chromium-lab.har'));
    expect(conversations.map((c) => c.hops.map((h) => [new URL(h.exchange.request.url).pathname, h.exchange.response.status]))).toEqual([
      [
        ['/api/sandbox/basic', 401],
        ['/api/sandbox/basic', 200],
        ['/api/sandbox/digest', 401],
        ['/api/sandbox/digest', 200],
        ['/api/sandbox/bearer', 401],
      ],
      [
        ['/start', 307],
        ['/api/sandbox/basic', 401],
      ],
    ]);
    const redirect = conversations[1];
    expect(redirect?.origins).toHaveLength(2);
    expect(redirect?.hops[1]).toMatchObject({ crossOrigin: true, redirectedFrom: redirect?.hops[0]?.exchange.index, reasons: ['unauthorized', 'challenge'] });
    expect(redirect?.hops[0]?.reasons).toEqual(['redirect-chain']);
    expect(conversations[0]?.hops[1]?.reasons).toEqual(['credentials-sent']);
  });

  test('Firefox: the preflight before the credentialed request, and the token endpoint, are in the conversation', () => {
    const [conversation] = groupConversations(redacted('firefox-handwritten.har'));
    expect(conversation?.hops.map((h) => [h.exchange.request.method, h.reasons])).toEqual([
      ['GET', ['unauthorized', 'challenge']],
      ['OPTIONS', ['preflight']],
      ['GET', ['credentials-sent']],
      ['POST', ['oauth-endpoint']],
      ['GET', ['unauthorized', 'credentials-sent', 'challenge']],
    ]);
  });

  test('real Firefox: one conversation, its own retries included, and the Basic it carried over to Digest is credentials sent', () => {
    const [conversation, ...rest] = groupConversations(redacted('firefox-bidi.har'));
    expect(rest).toEqual([]);
    expect(conversation?.hops.map((h) => [h.exchange.response.status, h.reasons])).toEqual([
      [401, ['unauthorized', 'challenge']],
      [200, ['credentials-sent']],
      [401, ['unauthorized', 'credentials-sent', 'challenge']],
      [200, ['credentials-sent', 'auth-info']],
      [401, ['unauthorized', 'credentials-sent', 'challenge']],
    ]);
  });

  test('a 407 from the proxy and the 401 after it', () => {
    const [conversation] = groupConversations(redacted('chromium-proxy.har'));
    expect(conversation?.hops.map((h) => h.reasons[0])).toEqual(['proxy-auth-required', 'unauthorized']);
  });
});

describe('groupConversations: which exchanges, and how grouped', () => {
  test('assets without auth are left out; 429 and a redirect to a sign-in page are kept', () => {
    const conversations = group([
      recorded('GET', 'https://app.example/style.css', 200),
      recorded('GET', 'https://app.example/api/report', 429, { response: [['Retry-After', '5']] }),
      recorded('GET', 'https://app.example/dashboard', 302, { response: [['Location', '/login?next=%2Fdashboard']] }),
      recorded('GET', 'https://app.example/login?next=%2Fdashboard', 200),
      recorded('GET', 'https://app.example/logo.png', 200),
    ]);
    expect(summary(conversations)).toEqual([
      ['GET app.example/api/report 429', 'GET app.example/dashboard 302', 'GET app.example/login?next=%2Fdashboard 200'],
    ]);
    expect(conversations[0]?.hops.map((h) => h.reasons)).toEqual([['rate-limited'], ['sign-in-redirect'], ['redirect-chain']]);
  });

  test('two origins at once are two conversations; a long pause on one origin starts a new one', () => {
    const start = Date.UTC(2026, 11, 6, 17);
    const conversations = group(
      [
        recorded('GET', 'https://a.example/x', 401, { at: start }),
        recorded('GET', 'https://b.example/y', 403, { at: start + 50 }),
        recorded('GET', 'https://a.example/x', 200, { request: [['Authorization', 'Basic YTpi']], at: start + 100 }),
        recorded('GET', 'https://a.example/x', 401, { at: start + 100 + 60_000 }),
      ],
      30_000,
    );
    expect(summary(conversations)).toEqual([['GET a.example/x 401', 'GET a.example/x 200'], ['GET b.example/y 403'], ['GET a.example/x 401']]);
  });

  test('an OAuth round trip across origins follows the redirects hop by hop', () => {
    const conversations = group([
      recorded('GET', 'https://app.example/', 302, { response: [['Location', 'https://idp.example/authorize?response_type=code&client_id=app']] }),
      recorded('GET', 'https://idp.example/authorize?response_type=code&client_id=app', 302, {
        response: [['Location', 'https://app.example/cb?code=SECRETCODE1&state=s']],
      }),
      recorded('GET', 'https://app.example/cb?code=SECRETCODE1&state=s', 200),
    ]);
    expect(conversations).toHaveLength(1);
    const hops = conversations[0]?.hops ?? [];
    expect(hops.map((h) => h.crossOrigin)).toEqual([false, true, true]);
    expect(JSON.stringify(conversations)).not.toContain('SECRETCODE1');
  });

  test('originOf reads an origin even when a placeholder with # sits in the userinfo', () => {
    expect(originOf('https://u:[redacted #1: 8 characters]@Api.Example:8443/p?q#f')).toBe('https://api.example:8443');
    expect(originOf('/relative')).toBe('');
  });
});

describe('conversationTranscript: the playground draws a recorded conversation', () => {
  test('Chromium: each hop a step, origin-form targets, what the client did next', () => {
    const [conversation] = groupConversations(redacted('chromium-lab.har'));
    if (!conversation) throw new Error('no conversation');
    const transcript = conversationTranscript(conversation);
    expect(transcript.steps.map((s) => [s.request.method, s.request.target, s.response.status, s.next.kind])).toEqual([
      ['GET', '/api/sandbox/basic', 401, 'retry'],
      ['GET', '/api/sandbox/basic', 200, 'follow'],
      ['GET', '/api/sandbox/digest', 401, 'retry'],
      ['GET', '/api/sandbox/digest', 200, 'follow'],
      ['GET', '/api/sandbox/bearer', 401, 'stop'],
    ]);
    expect(transcript.steps[1]?.request.raw).toMatch(
      /^GET \/api\/sandbox\/basic HTTP\/1\.1\r\n[^]*Authorization: Basic \[redacted #\d+: user-id "alice", password hidden\]/,
    );
    expect(sequenceArrows(transcript).arrows.map((a) => a.label)).toEqual([
      'GET',
      '401 Unauthorized',
      'GET + Authorization',
      '200 OK',
      'GET',
      '401 Unauthorized',
      'GET + Authorization',
      '200 OK',
      'GET + Authorization',
      '401 Unauthorized',
    ]);
  });

  test('a cross-origin hop keeps its absolute URL, and the step before says the client followed the redirect', () => {
    const redirect = groupConversations(redacted('chromium-lab.har'))[1];
    if (!redirect) throw new Error('no second conversation');
    const transcript = conversationTranscript(redirect);
    expect(transcript.steps[0]?.request.target).toBe('/start');
    expect(transcript.steps[1]?.request.target).toMatch(/^http:\/\/localhost:\d+\/api\/sandbox\/basic$/);
    expect(transcript.steps[0]?.next).toMatchObject({ kind: 'follow', explanation: expect.stringMatching(/followed the redirect .*another origin/) });
  });

  test('a 407 draws the proxy lane: the proxy answers the first request, the origin the second', () => {
    const [conversation] = groupConversations(redacted('chromium-proxy.har'));
    if (!conversation) throw new Error('no conversation');
    const transcript = conversationTranscript(conversation);
    expect(transcript.steps.map((s) => s.respondedBy)).toEqual(['proxy', 'origin']);
    expect(transcript.steps[0]?.trace[0]).toMatchObject({ kind: 'hop', hop: 'proxy', realm: 'corp-proxy' });
    const { lanes, arrows } = sequenceArrows(transcript);
    expect(lanes).toEqual(['client', 'proxy', 'origin']);
    expect(arrows.map((a) => `${a.from}>${a.to}`)).toEqual(['client>proxy', 'proxy>client', 'client>proxy', 'proxy>origin', 'origin>proxy', 'proxy>client']);
  });

  test('curl on one connection: the steps say so', () => {
    const read = parseCurlVerbose(fixture('curl-digest.txt'));
    if (read.kind !== 'recording') throw new Error(read.message);
    const [conversation] = groupConversations(redactRecording(read).exchanges);
    if (!conversation) throw new Error('no conversation');
    expect(conversationTranscript(conversation).steps.map((s) => s.connection)).toEqual([
      { id: 1, opened: true },
      { id: 1, opened: false },
    ]);
  });
});
