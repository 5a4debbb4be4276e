import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseCurlVerbose } from '@/lib/har';

// curl -v output as a terminal shows it (stderr and stdout together), read into the exchanges a HAR gives.

const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/har/curl-digest.txt'), 'utf8');

describe('parseCurlVerbose', () => {
  test("real curl --digest against the lab: the 401 and the retry, on one connection, the body after curl's last lines", () => {
    const read = parseCurlVerbose(fixture);
    if (read.kind !== 'recording') throw new Error(read.message);
    expect(read.exchanges.map((e) => [e.request.method, e.response.status])).toEqual([
      ['GET', 401],
      ['GET', 200],
    ]);
    const [first, second] = read.exchanges;
    expect(first?.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/sandbox\/digest$/);
    expect(first?.response.headers.filter(([name]) => name === 'WWW-Authenticate')).toHaveLength(2);
    expect(second?.request.headers.find(([name]) => name === 'Authorization')?.[1]).toMatch(/^Digest username="alice"/);
    expect(first?.meta.connection).toBe('#0');
    expect(second?.meta.connection).toBe('#0');
    expect(second?.meta.notes).toContain("Server auth using Digest with user 'alice'");
    expect(second?.response.body).toMatchObject({ kind: 'text', mimeType: 'application/json' });
    expect(JSON.parse(second?.response.body?.kind === 'text' ? second.response.body.text : '')).toMatchObject({ user: 'alice' });
  });

  test('-L across origins: the redirect, then the request curl said it would send, with the body between', () => {
    const text = [
      '* Connected to a.example (192.0.2.1) port 80',
      '> GET /start HTTP/1.1',
      '> Host: a.example',
      '> Authorization: Bearer abc.def',
      '>',
      '< HTTP/1.1 302 Found',
      '< Location: https://login.b.example/sign-in?next=%2F',
      '<',
      'Moved',
      "* Issue another request to this URL: 'https://login.b.example/sign-in?next=%2F'",
      '* SSL connection using TLSv1.3',
      '> GET /sign-in?next=%2F HTTP/2',
      '> Host: login.b.example',
      '>',
      '< HTTP/2 200',
      '< content-type: text/html',
      '<',
      '<!doctype html><form>',
    ].join('\n');
    const read = parseCurlVerbose(text);
    if (read.kind !== 'recording') throw new Error(read.message);
    expect(read.exchanges.map((e) => [e.request.url, e.response.status, e.response.redirectUrl])).toEqual([
      ['http://a.example/start', 302, 'https://login.b.example/sign-in?next=%2F'],
      ['https://login.b.example/sign-in?next=%2F', 200, undefined],
    ]);
    expect(read.exchanges[0]?.response.body).toEqual({ kind: 'text', mimeType: '', text: 'Moved' });
    expect(read.exchanges[1]?.response.httpVersion).toBe('HTTP/2');
  });

  test('a 100 Continue is interim: the final response answers the request', () => {
    const read = parseCurlVerbose('> POST /t HTTP/1.1\n> Host: a\n>\n< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic\n<\n');
    expect(read.kind === 'recording' && read.exchanges.map((e) => e.response.status)).toEqual([401]);
  });

  test.each([
    ['an empty paste', '', /No request line with its response/],
    ['requests only', '> GET / HTTP/1.1\n> Host: a\n>\n', /no response to it/],
    ['a HAR-less JSON', '{"a": 1}', /No request line/],
  ])('%s is refused in words', (_name, text, message) => {
    const read = parseCurlVerbose(text);
    expect(read.kind === 'unreadable' && read.message).toMatch(message);
  });

  test('never throws, whatever is pasted', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('> GET / HTTP/1.1', '< HTTP/1.1 401 x', '< HTTP/2 200', '> Host: a', '<', '>', '* Connected to a (#3)', '  folded', '< X: y'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const read = parseCurlVerbose(lines.join('\n'));
        expect(['recording', 'unreadable']).toContain(read.kind);
      }),
      { numRuns: 500 },
    );
  });
});
