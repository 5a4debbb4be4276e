/** @jest-environment node */
// A Digest refusal's challenge lines are formatted once per layer with a stand-in nonce and filled with a
// fresh nonce per response (lib/sandbox/engine/challenges.ts, issue 23). Whatever the layer, the filled
// lines are the bytes formatting the challenges afresh gives, with the same nonce.
import fc from 'fast-check';
import { DIGEST_ALGORITHMS, formatChallenge, formatChallenges } from '@/lib/http-auth';
import { createSandboxContext } from '@/lib/sandbox/context';
import { challengeHeaders, layerChallenges } from '@/lib/sandbox/engine/challenges';
import { layerSchema, type Layer } from '@/lib/sandbox/scenario/scenario';
import { SECRET } from './support';

/** A context whose nonces repeat: the same clock and the same "random" bytes every time. */
const fixedContext = () => createSandboxContext({ secret: SECRET, now: () => 1_764_000_000_000 });
const repeatable = () => Object.assign(fixedContext(), { random: (length: number) => new Uint8Array(length).fill(42) });

const realm = fc.stringMatching(/^[\x20-\x7e]{1,40}$/);
const digest = fc.record({
  kind: fc.constant('digest' as const),
  algorithms: fc.uniqueArray(fc.constantFrom(...DIGEST_ALGORITHMS), { minLength: 1, maxLength: 6 }),
  qop: fc.constantFrom(['auth'], ['auth-int'], ['auth', 'auth-int']),
  userhash: fc.boolean(),
  charset: fc.boolean(),
  nonceLifetimeSeconds: fc.constant(300),
});
const others = fc.subarray([{ kind: 'basic' as const, charset: 'UTF-8' as const }, { kind: 'ntlm' as const }]);
const layer = fc
  .record({
    realm: fc.oneof(
      realm,
      realm.map((text) => `${text}NoNcEsTaNdIn0`),
    ),
    schemes: fc.tuple(digest, others).chain(([d, rest]) => fc.shuffledSubarray([d, ...rest], { minLength: rest.length + 1, maxLength: rest.length + 1 })),
    challengeLayout: fc.constantFrom('one-line' as const, 'several-lines' as const),
  })
  .map((fields): Layer => layerSchema.parse({ ...fields, users: [{ name: 'alice', password: 'wonderland' }] }));

function formattedAfresh(hop: 'proxy' | 'origin', subject: Layer, stale: boolean): Array<[string, string]> {
  const challenges = layerChallenges(subject, { kind: stale ? 'digest-stale' : 'none' }, repeatable());
  const field = hop === 'proxy' ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  return subject.challengeLayout === 'one-line' ? [[field, formatChallenges(challenges)]] : challenges.map((c) => [field, formatChallenge(c)]);
}

test('filled templates are the lines formatting gives, for any Digest layer, hop and staleness', () => {
  fc.assert(
    fc.property(layer, fc.constantFrom('proxy' as const, 'origin' as const), fc.boolean(), (subject, hop, stale) => {
      const hint = { kind: stale ? ('digest-stale' as const) : ('none' as const) };
      // Twice: the first call makes the template, the second uses it.
      expect(challengeHeaders(hop, subject, hint, repeatable())).toEqual(formattedAfresh(hop, subject, stale));
      expect(challengeHeaders(hop, subject, hint, repeatable())).toEqual(formattedAfresh(hop, subject, stale));
    }),
    { numRuns: 300 },
  );
});

test('each response gets its own nonce, shared by all of its Digest challenges', () => {
  const subject = layerSchema.parse({ realm: 'lab', schemes: [{ kind: 'digest', algorithms: ['SHA-256', 'MD5'] }], users: [{ name: 'a', password: 'b' }] });
  const ctx = fixedContext();
  const nonces = (lines: Array<[string, string]>) => lines.map(([, value]) => /nonce="([^"]+)"/.exec(value)?.[1]);
  const first = nonces(challengeHeaders('origin', subject, { kind: 'none' }, ctx));
  const second = nonces(challengeHeaders('origin', subject, { kind: 'none' }, ctx));
  expect(first).toHaveLength(2);
  expect(new Set(first).size).toBe(1);
  expect(first[0]).toMatch(/^[A-Za-z0-9+/]{48}$/);
  expect(second[0]).not.toBe(first[0]);
});
