/** @jest-environment node */
import { hostFieldRanges, replaceLabAddress } from '@/lib/site/lab-origin.mjs';

// What a lesson's Copy button writes: the placeholder lab rewritten to the origin the reader is on, in
// commands and in the Host fields of a transcript (RFC 9110 §7.2), nowhere else.
describe('replaceLabAddress', () => {
  test.each([
    ['a command', 'curl -i http://localhost:3000/api/sandbox/basic', 'curl -i https://lab.example.org/api/sandbox/basic'],
    ['a request', 'GET /api/sandbox/basic HTTP/1.1\nHost: localhost:3000\n', 'GET /api/sandbox/basic HTTP/1.1\nHost: lab.example.org\n'],
    ['curl -v', '> GET / HTTP/1.1\n> Host: localhost:3000\n>', '> GET / HTTP/1.1\n> Host: lab.example.org\n>'],
    ['another port', 'Host: localhost:30001\ncurl http://localhost:30001', 'Host: localhost:30001\ncurl http://localhost:30001'],
    ['not a Host field', 'X-Forwarded-Host: localhost:3000', 'X-Forwarded-Host: localhost:3000'],
  ])('%s', (_name, text, expected) => {
    expect(replaceLabAddress(text, 'http://localhost:3000', 'https://lab.example.org')).toBe(expected);
  });

  test('keeps a port the reader is on', () => {
    expect(replaceLabAddress('Host: localhost:3000', 'http://localhost:3000', 'http://127.0.0.1:8080')).toBe('Host: 127.0.0.1:8080');
  });
});

describe('hostFieldRanges', () => {
  test('finds the value of every Host field naming the host, at line starts only', () => {
    const text = 'Host: localhost:3000\nsee Host: localhost:3000\nhost:localhost:3000';
    expect(hostFieldRanges(text).map(({ start, end }) => text.slice(start, end))).toEqual(['localhost:3000', 'localhost:3000']);
    expect(hostFieldRanges(text).map(({ start }) => start)).toEqual([6, 51]);
  });
});
