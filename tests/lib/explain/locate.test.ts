import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extentAt, parseChallenges } from '@/lib/http-auth';
import { locateChallenges } from '@/lib/explain/locate';
import { loadFixtures } from '../http-auth/support/fixtures';
import * as before from './support/locate-before';

// lib/explain/locate.ts reads positions with lib/http-auth's grammar (authHeaderParts, extentAt) where it
// once walked the value with a grammar of its own (support/locate-before.ts). Both must agree wherever the
// old walk was used: on values parseChallenges accepts and in which it found as many challenges.

/** [scheme as written, [param name, value as written]...] per challenge, so a wrong offset shows as wrong text. */
function written(value: string, located: ReturnType<typeof locateChallenges>) {
  return located.map((c) => [value.slice(c.schemeIndex, c.schemeIndex + c.scheme.length), c.params.map((p) => [p.name, value.slice(p.nameIndex, p.nameIndex + p.name.length), value.slice(p.valueIndex, p.valueIndex + p.valueLength)])]);
}

const TRICKY: Array<[string, string, unknown[]]> = [
  ['quoted comma', 'Basic realm="a, b", charset="UTF-8"', [['Basic', [['realm', 'realm', '"a, b"'], ['charset', 'charset', '"UTF-8"']]]]],
  ['escaped quotes and backslash', 'Digest realm="say \\"hi\\" \\\\", nonce="n,=1"', [['Digest', [['realm', 'realm', '"say \\"hi\\" \\\\"'], ['nonce', 'nonce', '"n,=1"']]]]],
  ['token68', 'Negotiate YIIBhgYGKwYBBQUCoIIBejCC==', [['Negotiate', []]]],
  ['token68 then a challenge', 'Negotiate abc=, Basic realm="x"', [['Negotiate', []], ['Basic', [['realm', 'realm', '"x"']]]]],
  [
    'several challenges on one line',
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", NTLM, Bearer error="invalid_token"',
    [
      ['Newauth', [['realm', 'realm', '"apps"'], ['type', 'type', '1'], ['title', 'title', '"Login to \\"apps\\""']]],
      ['Basic', [['realm', 'realm', '"simple"']]],
      ['NTLM', []],
      ['Bearer', [['error', 'error', '"invalid_token"']]],
    ],
  ],
  ['empty list elements and OWS', ' , Basic realm="x" ,, ,Bearer  ,', [['Basic', [['realm', 'realm', '"x"']]], ['Bearer', []]]],
  ['BWS around "=" and an upper-case name', 'Digest Realm = "lab" ,QOP=auth', [['Digest', [['realm', 'Realm', '"lab"'], ['qop', 'QOP', 'auth']]]]],
  ['bare scheme', 'Basic', [['Basic', []]]],
  ['empty quoted value', 'Bearer realm="", scope=""', [['Bearer', [['realm', 'realm', '""'], ['scope', 'scope', '""']]]]],
];

describe('locateChallenges on lib/http-auth grammar', () => {
  test.each(TRICKY)('%s', (_name, value, expected) => {
    expect(written(value, locateChallenges(value))).toEqual(expected);
    expect(locateChallenges(value)).toEqual(before.locateChallenges(value));
  });

  test('[] for a value the grammar refuses', () => {
    expect(locateChallenges('Basic realm="open')).toEqual([]);
    expect(locateChallenges('realm="x"')).toEqual([]);
  });
});

/** Every challenge, credentials and Authentication-Info value in the golden fixtures, and the tricky ones. */
function fixtureValues(): { challenges: string[]; all: string[] } {
  const explainDir = join(__dirname, '..', '..', 'fixtures', 'explain');
  const pasted = readdirSync(explainDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => [...readFileSync(join(explainDir, f), 'utf8').matchAll(/(?:WWW|Proxy)-Authenticate:[ \t]*([^\r\n]*)/gi)].map((m) => m[1] ?? ''));
  const fixtures = loadFixtures();
  const library = fixtures.filter((f) => f.kind === 'challenge').flatMap((f) => f.lines);
  const others = fixtures.filter((f) => f.kind !== 'challenge').map((f) => f.lines.join(''));
  const challenges = [...new Set([...TRICKY.map(([, value]) => value), ...pasted, ...library])];
  return { challenges, all: [...new Set([...challenges, ...others])] };
}

describe('the old walk and the library grammar agree on the fixtures', () => {
  const { challenges, all } = fixtureValues();

  test('enough values to mean something', () => {
    expect(challenges.length).toBeGreaterThan(100);
    expect(all.length).toBeGreaterThan(challenges.length);
  });

  // A field value never reaches locate with an obs-fold in it: the paste reader reads a fold as SP
  // (lib/explain/message.ts, RFC 9112 §5.2). The library fixtures keep theirs as CRLF + whitespace.
  const folded = (value: string) => /[\r\n]/.test(value);

  test('the same positions wherever the old walk was used', () => {
    const used = challenges.filter((value) => {
      const parsed = parseChallenges(value);
      return !folded(value) && parsed.ok && before.locateChallenges(value).length === parsed.value.length;
    });
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((value) => JSON.stringify(locateChallenges(value)) !== JSON.stringify(before.locateChallenges(value)))).toEqual([]);
  });

  test('an obs-fold left in a value: the old walk lost what followed it, the grammar reads through it', () => {
    const value = 'Bearer realm="example",\r\n  error="invalid_token"';
    expect(challenges.filter(folded).length).toBeGreaterThan(0);
    expect(written(value, before.locateChallenges(value))).toEqual([['Bearer', [['realm', 'realm', '"example"']]]]);
    expect(written(value, locateChallenges(value))).toEqual([['Bearer', [['realm', 'realm', '"example"'], ['error', 'error', '"invalid_token"']]]]);
  });

  test('the same extent at every index, for a token and for a token68', () => {
    const differences: string[] = [];
    for (const value of all) {
      for (let i = 0; i <= value.length; i++) {
        if (extentAt(value, i, 'token') !== before.extentAt(value, i)) differences.push(`${JSON.stringify(value)} @${i} token`);
        if (extentAt(value, i, 'token68') !== before.extentAt(value, i, 'invalid-token68')) differences.push(`${JSON.stringify(value)} @${i} token68`);
      }
    }
    expect(differences).toEqual([]);
  });
});
