import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { curlCommand, shellQuote } from '@/lib/playground/snippets/curl';

describe('curlCommand', () => {
  test.each([
    [{ method: 'GET', url: 'http://localhost:3000/api/sandbox/basic', headers: [] }, 'curl -i http://localhost:3000/api/sandbox/basic'],
    [
      { method: 'DELETE', url: 'http://localhost:3000/api/sandbox/presets/forbidden-by-role', headers: [['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA==']] },
      "curl -i -X DELETE -H 'Authorization: Basic YWxpY2U6d29uZGVybGFuZA==' http://localhost:3000/api/sandbox/presets/forbidden-by-role",
    ],
    [
      { method: 'POST', url: 'http://localhost:3000/x?a=1&b=2', headers: [['Content-Type', 'application/json']], body: '{"title":"Q4 plan"}' },
      "curl -i -H 'Content-Type: application/json' --data-raw '{\"title\":\"Q4 plan\"}' 'http://localhost:3000/x?a=1&b=2'",
    ],
  ] as const)('%j', (request, expected) => {
    expect(curlCommand({ ...request, headers: [...request.headers] as [string, string][] })).toBe(expected);
  });

  test('shell quoting survives any text: the shell hands back exactly the value', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).filter((s) => !s.includes('\0')),
        (value) => {
          const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' });
          expect(echoed).toBe(value);
        },
      ),
      { numRuns: 60 },
    );
  });
});
