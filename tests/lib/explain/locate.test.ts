import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type AuthHeaderGrammar, authHeaderParts, extentAt, parseChallenges } from '@/lib/http-auth';
import { locateChallenges } from '@/lib/explain/locate';
import { loadFixtures } from '../http-auth/support/fixtures';

// lib/explain/locate.ts reads positions with lib/http-auth's grammar (authHeaderParts, extentAt). These
// cases were first checked against the walk of its own it replaced: identical wherever that walk was used.

/** [scheme as written, [param name, value as written]...] per challenge, so a wrong offset shows as wrong text. */
function written(value: string, located: ReturnType<typeof locateChallenges>) {
  return located.map((c) => [
    value.slice(c.schemeIndex, c.schemeIndex + c.scheme.length),
    c.params.map((p) => [p.name, value.slice(p.nameIndex, p.nameIndex + p.name.length), value.slice(p.valueIndex, p.valueIndex + p.valueLength)]),
  ]);
}

const TRICKY: Array<[string, string, unknown[]]> = [
  [
    'quoted comma',
    'Basic realm="a, b", charset="UTF-8"',
    [
      [
        'Basic',
        [
          ['realm', 'realm', '"a, b"'],
          ['charset', 'charset', '"UTF-8"'],
        ],
      ],
    ],
  ],
  [
    'escaped quotes and backslash',
    'Digest realm="say \\"hi\\" \\\\", nonce="n,=1"',
    [
      [
        'Digest',
        [
          ['realm', 'realm', '"say \\"hi\\" \\\\"'],
          ['nonce', 'nonce', '"n,=1"'],
        ],
      ],
    ],
  ],
  ['token68', 'Negotiate YIIBhgYGKwYBBQUCoIIBejCC==', [['Negotiate', []]]],
  [
    'token68 then a challenge',
    'Negotiate abc=, Basic realm="x"',
    [
      ['Negotiate', []],
      ['Basic', [['realm', 'realm', '"x"']]],
    ],
  ],
  [
    'several challenges on one line',
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", NTLM, Bearer error="invalid_token"',
    [
      [
        'Newauth',
        [
          ['realm', 'realm', '"apps"'],
          ['type', 'type', '1'],
          ['title', 'title', '"Login to \\"apps\\""'],
        ],
      ],
      ['Basic', [['realm', 'realm', '"simple"']]],
      ['NTLM', []],
      ['Bearer', [['error', 'error', '"invalid_token"']]],
    ],
  ],
  [
    'empty list elements and OWS',
    ' , Basic realm="x" ,, ,Bearer  ,',
    [
      ['Basic', [['realm', 'realm', '"x"']]],
      ['Bearer', []],
    ],
  ],
  [
    'BWS around "=" and an upper-case name',
    'Digest Realm = "lab" ,QOP=auth',
    [
      [
        'Digest',
        [
          ['realm', 'Realm', '"lab"'],
          ['qop', 'QOP', 'auth'],
        ],
      ],
    ],
  ],
  ['bare scheme', 'Basic', [['Basic', []]]],
  [
    'empty quoted value',
    'Bearer realm="", scope=""',
    [
      [
        'Bearer',
        [
          ['realm', 'realm', '""'],
          ['scope', 'scope', '""'],
        ],
      ],
    ],
  ],
];

describe('locateChallenges on lib/http-auth grammar', () => {
  test.each(TRICKY)('%s', (_name, value, expected) => {
    expect(written(value, locateChallenges(value))).toEqual(expected);
  });

  test('[] for a value the grammar refuses', () => {
    expect(locateChallenges('Basic realm="open')).toEqual([]);
    expect(locateChallenges('realm="x"')).toEqual([]);
  });
});

/** Every challenge value in the golden fixtures (pasted responses and the library's), and the tricky ones. */
function challengeValues(): string[] {
  const explainDir = join(__dirname, '..', '..', 'fixtures', 'explain');
  const pasted = readdirSync(explainDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => [...readFileSync(join(explainDir, f), 'utf8').matchAll(/(?:WWW|Proxy)-Authenticate:[ \t]*([^\r\n]*)/gi)].map((m) => m[1] ?? ''));
  const library = loadFixtures()
    .filter((f) => f.kind === 'challenge')
    .flatMap((f) => f.lines);
  return [...new Set([...TRICKY.map(([, value]) => value), ...pasted, ...library])];
}

const unquote = (text: string) => (text.startsWith('"') ? text.slice(1, -1).replace(/\\(.)/g, '$1') : text);

describe('on every fixture value the grammar accepts', () => {
  const values = challengeValues().filter((value) => parseChallenges(value).ok);

  test('enough values to mean something', () => {
    expect(values.length).toBeGreaterThan(80);
  });

  test('the challenges parseChallenges finds, each parameter where its value is written', () => {
    const wrong = values.filter((value) => {
      const parsed = parseChallenges(value);
      const located = locateChallenges(value);
      if (!parsed.ok || located.length !== parsed.value.length) return true;
      return parsed.value.some((challenge, i) => {
        const at = located[i];
        if (!at || at.scheme !== challenge.scheme) return true;
        const names = at.params.map((p) => p.name);
        if ([...new Set(names)].sort().join() !== Object.keys(challenge.params).sort().join()) return true;
        // A repeated parameter is an error the library reports; its record keeps one of the values.
        const once = at.params.filter((p) => names.indexOf(p.name) === names.lastIndexOf(p.name));
        return once.some((p) => unquote(value.slice(p.valueIndex, p.valueIndex + p.valueLength)) !== challenge.params[p.name]);
      });
    });
    expect(wrong).toEqual([]);
  });

  test('extentAt spans exactly each part authHeaderParts finds, in challenges, credentials and Authentication-Info', () => {
    const fixtures = loadFixtures();
    const read: Array<[AuthHeaderGrammar, string]> = [
      ...values.map((value): [AuthHeaderGrammar, string] => ['challenges', value]),
      ...fixtures.filter((f) => f.kind === 'credentials').map((f): [AuthHeaderGrammar, string] => ['credentials', f.lines.join('')]),
      ...fixtures.filter((f) => f.kind === 'auth-info').map((f): [AuthHeaderGrammar, string] => ['auth-info', f.lines.join('')]),
    ];
    const differences: string[] = [];
    for (const [grammar, value] of read) {
      const parts = authHeaderParts(grammar, value);
      if (!parts.ok) continue;
      for (const part of parts.value) {
        const extent = extentAt(value, part.start, part.kind === 'token68' ? 'token68' : 'token');
        if (extent !== part.end - part.start)
          differences.push(`${JSON.stringify(value)}: ${part.kind} at ${part.start} spans ${part.end - part.start}, extentAt says ${extent}`);
      }
    }
    expect(read.length).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  });

  test('an obs-fold left in a value is read through (the paste reader reads a fold as SP before locate sees it)', () => {
    const value = 'Bearer realm="example",\r\n  error="invalid_token"';
    expect(written(value, locateChallenges(value))).toEqual([
      [
        'Bearer',
        [
          ['realm', 'realm', '"example"'],
          ['error', 'error', '"invalid_token"'],
        ],
      ],
    ]);
  });
});
