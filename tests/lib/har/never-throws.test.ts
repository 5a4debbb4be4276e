import fc from 'fast-check';
import { SecretVault, conversationTranscript, groupConversations, parseHar, readRecording, redactRecording } from '@/lib/har';

// Whatever a reader drops on the page, the library answers: a recording or a sentence, never an exception.
// HAR-shaped input with random values reaches the deeper code (redaction, grouping, the transcript).

const text = fc.oneof(fc.string(), fc.constantFrom('Basic YWxpY2U6d29uZGVybGFuZA==', 'Bearer a.b.c', 'Digest response="x"', 'a=b; c=d', '', '%zz', '/login'));
const header = fc.record({
  name: fc.oneof(text, fc.constantFrom('Authorization', 'Cookie', 'Set-Cookie', 'Location', ':authority', 'WWW-Authenticate')),
  value: fc.oneof(text, fc.integer(), fc.constant(null)),
});
const entry = fc.record(
  {
    startedDateTime: fc.oneof(
      text,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    time: fc.oneof(fc.integer({ min: -1, max: 100_000 }), fc.constant(null)),
    request: fc.record({
      method: fc.constantFrom('GET', 'POST', 'OPTIONS', ''),
      url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text),
      headers: fc.array(header, { maxLength: 6 }),
      postData: fc.option(
        fc.record({ mimeType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'), text: fc.oneof(text, fc.json()) }),
        { nil: undefined },
      ),
    }),
    response: fc.record({
      status: fc.oneof(fc.constantFrom(0, 200, 302, 401, 403, 407, 429), fc.integer()),
      headers: fc.array(header, { maxLength: 6 }),
      content: fc.record({
        size: fc.integer({ min: -1, max: 100 }),
        mimeType: fc.constantFrom('application/json', 'text/html', 'image/png'),
        text: fc.oneof(text, fc.json()),
        encoding: fc.constantFrom(undefined, 'base64'),
      }),
      redirectURL: fc.oneof(text, fc.webUrl()),
    }),
    connection: fc.oneof(text, fc.constant(undefined)),
  },
  { requiredKeys: ['request', 'response'] },
);

describe('the readers never throw', () => {
  test('on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((v) => JSON.stringify(v) ?? ''),
        ),
        (input) => {
          expect(['recording', 'unreadable']).toContain(readRecording(input).kind);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('on HAR-shaped input with random values, through redaction, grouping and the transcript', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, fc.anything()), { maxLength: 8 }), (entries) => {
        const read = parseHar(JSON.stringify({ log: { version: '1.2', entries } }));
        if (read.kind !== 'recording') return;
        const { exchanges } = redactRecording(read, new SecretVault());
        for (const conversation of groupConversations(exchanges)) expect(conversationTranscript(conversation).steps).toHaveLength(conversation.hops.length);
      }),
      { numRuns: 300 },
    );
  });
});
