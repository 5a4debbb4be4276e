// The token endpoint's scope check (lib/sandbox/engine/token-endpoint.ts): one rule, RFC 6750 §3's
// scope-token up to 64 characters, whether zod checks it (scopeTokenSchema, for scenarios and overrides)
// or the endpoint does without zod on every grant (isScopeToken, issue 23).
import fc from 'fast-check';
import { handleSandboxRequest } from '@/lib/sandbox/routes/router';
import { isScopeToken, scopeTokenSchema } from '@/lib/sandbox/scenario/scenario';
import { ALICE_BASIC, request, testContext } from './support';

/** Mostly scope-token characters, some of every other kind, lengths around the 1 and 64 bounds. */
const candidate = fc.oneof(
  fc.tuple(fc.stringMatching(/^[\x21\x23-\x5b\x5d-\x7e]$/), fc.integer({ min: 62, max: 66 })).map(([c, n]) => c.repeat(n)),
  fc.stringMatching(/^[\x21\x23-\x5b\x5d-\x7e]{0,70}$/),
  fc.string({ unit: fc.constantFrom('a', 'Z', '!', '~', ':', ' ', '"', '\\', '\t', '\x7f', 'é', '\u{1F600}'), maxLength: 70 }),
  fc.string({ unit: 'binary', maxLength: 70 }),
);

describe('scope tokens (RFC 6750 §3)', () => {
  test('isScopeToken accepts what scopeTokenSchema accepts, and nothing else', () => {
    fc.assert(
      fc.property(candidate, (text) => {
        expect(isScopeToken(text)).toBe(scopeTokenSchema.safeParse(text).success);
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['a', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['', false],
    ['a"b', false],
    ['a\\b', false],
    ['a b', false],
    ['mcp:tools', true],
  ])('%j -> %s', (text, valid) => {
    expect(isScopeToken(text)).toBe(valid);
  });

  test('the endpoint grants up to 8 scope tokens that scopeTokenSchema accepts, and refuses any other scope as invalid_scope', async () => {
    const ctx = testContext();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          candidate.filter((token) => token !== '' && !token.includes(' ')),
          { maxLength: 10 },
        ),
        async (tokens) => {
          const body = new URLSearchParams({ grant_type: 'client_credentials', scope: tokens.join(' ') }).toString();
          const headers: [string, string][] = [
            ['Content-Type', 'application/x-www-form-urlencoded'],
            ['Authorization', ALICE_BASIC],
          ];
          const response = await handleSandboxRequest(request('/api/sandbox/token', headers, 'POST', body), ctx);
          const valid = tokens.length <= 8 && tokens.every((token) => scopeTokenSchema.safeParse(token).success);
          expect(response.status).toBe(valid ? 200 : 400);
          const answer = JSON.parse(response.body) as { scope?: string; error?: string };
          if (valid) expect(answer.scope).toBe(tokens.join(' '));
          else expect(answer.error).toBe('invalid_scope');
        },
      ),
      { numRuns: 300 },
    );
  });
});
