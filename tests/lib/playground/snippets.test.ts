import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { defaultState, stateForPreset } from '@/lib/playground/model';
import { SNIPPET_LANGUAGES, snippetFor } from '@/lib/playground/snippets';
import { requestOnlyPlan, snippetPlanFor } from '@/lib/playground/snippets/plan';
import type { SnippetRequest } from '@/lib/playground/snippets/curl';
import { httpieSnippet } from '@/lib/playground/snippets/httpie';
import { pythonString } from '@/lib/playground/snippets/python';
import { findPreset } from '@/lib/sandbox/scenario/presets';

// Golden files: tests/lib/playground/golden/<case>.<language>.txt hold each snippet exactly as a
// reader copies it. A change in output is a change in what learners paste: review the diff.

const GOLDEN = path.join(__dirname, 'golden');
const LAB = 'http://localhost:3000';

const CASES: Record<string, SnippetRequest> = {
  'basic-get': { method: 'GET', url: `${LAB}/api/sandbox/basic`, headers: [['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA==']] },
  // Repeated Authorization (the 400 lesson), and a quote, backslash, dollar and backtick in a value and the body.
  'repeated-and-quoting': {
    method: 'POST',
    url: `${LAB}/api/sandbox/presets/digest-auth-int?qop=auth-int&realm=a%20b`,
    headers: [
      ['Authorization', 'Basic a'],
      ['Content-Type', 'application/json'],
      ['authorization', 'Basic b'],
      ['X-Note', ` it's "$HOME" \\ back\t`],
    ],
    body: '{"q":"it\'s $HOME \\\\ `x`"}',
  },
  // Proxy-Authorization (forbidden in fetch), HTTPie's separators, obs-text, and an HTTPS URL.
  'proxy-and-separators': {
    method: 'GET',
    url: 'https://lab.example/api/sandbox/proxy',
    headers: [
      ['Proxy-Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
      ['X-Empty', ''],
      ['X-Eq', '=1'],
      ['X-At', '@file'],
      ['X-Bs', 'a\\:b'],
      ['X-Latin', 'caf\xe9'],
    ],
  },
};

describe('snippetFor: golden files', () => {
  const pairs = Object.keys(CASES).flatMap((name) => SNIPPET_LANGUAGES.map((language) => [name, language.id] as const));
  test.each(pairs)('%s in %s', (name, language) => {
    const expected = fs.readFileSync(path.join(GOLDEN, `${name}.${language}.txt`), 'utf8');
    expect(`${snippetFor(language, requestOnlyPlan(CASES[name] as SnippetRequest))}\n`).toBe(expected);
  });
});

describe('SNIPPET_LANGUAGES', () => {
  test('ids are unique; each names a grammar the snippet lexer has', () => {
    const ids = SNIPPET_LANGUAGES.map((language) => language.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const language of SNIPPET_LANGUAGES) expect(['shell', 'javascript', 'python']).toContain(language.grammar);
  });

  test('snippetPlanFor: the lab URL plus the target; no body for GET', () => {
    const state = { ...defaultState(), request: { ...defaultState().request, body: 'kept in the state' } };
    expect(snippetPlanFor(state, `${LAB}/`).request).toEqual({
      method: 'GET',
      url: `${LAB}/api/sandbox/presets/basic-missing-credentials`,
      headers: [],
      body: '',
    });
    const auth = findPreset('digest-auth-int');
    if (!auth) throw new Error('no preset digest-auth-int');
    expect(snippetPlanFor(stateForPreset(auth), LAB).request.body).toBe('{"title":"Q4 plan"}');
  });
});

describe('fetch', () => {
  test.each<[string, SnippetRequest, RegExp]>([
    [
      'credentials omitted, and why',
      CASES['basic-get'] as SnippetRequest,
      /\/\/ 'omit': with credentials, a 401 carrying a Basic or Digest challenge opens the browser's own login\n.*\n {2}credentials: 'omit',/,
    ],
    ['the status is checked', CASES['basic-get'] as SnippetRequest, /fetch resolves on 401, 403 and 407.*\nconsole\.log\(response\.status/],
    [
      'forbidden headers become a comment',
      {
        method: 'GET',
        url: LAB,
        headers: [
          ['Proxy-Authorization', 'x'],
          ['Cookie', 'a'],
          ['Sec-Fetch-Mode', 'b'],
        ],
      },
      /^\/\/ Proxy-Authorization, Cookie, Sec-Fetch-Mode are forbidden request headers/,
    ],
  ])('%s', (_what, request, pattern) => {
    const snippet = snippetFor('fetch', requestOnlyPlan(request));
    expect(snippet).toMatch(pattern);
    expect(snippet).not.toMatch(/"Proxy-Authorization", "/);
  });
});

/** python3 with a working interpreter, or undefined (then the Python checks are skipped). */
const python = ['python3', '/usr/bin/python3'].find((bin) => spawnSync(bin, ['-c', 'pass']).status === 0);
const withPython = python ? test : test.skip;

describe('Python string literals', () => {
  withPython('Python reads back exactly the text, for any string', () => {
    // One interpreter run for many samples: each literal is evaluated and printed as JSON.
    const samples = fc
      .sample(fc.string({ unit: 'grapheme', maxLength: 30 }), 300)
      .concat(["'", '"', `'"`, '\\', "\\'", '\x00\x1f\x7f\x80\x9f\xa0\xad\u2028', 'caf\xe9']);
    const program = `import json\nprint(json.dumps([${samples.map(pythonString).join(',\n')}]))`;
    const printed = execFileSync(python as string, ['-c', program], { encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(samples);
  });

  test('like repr(): single quotes unless the text holds only single quotes', () => {
    expect(pythonString('plain')).toBe("'plain'");
    expect(pythonString("it's")).toBe('"it\'s"');
    expect(pythonString(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonString('a\\b\tc\n')).toBe("'a\\\\b\\tc\\n'");
  });
});

/**
 * HTTPie's request-item parser (httpie/cli/argtypes.py, KeyValueArgType), ported to check that what
 * the snippet writes is read back as the header we meant: a backslash escapes a separator character;
 * the first separator found wins, the longest at that position.
 */
function parseHttpieItem(item: string): { name: string; separator: string; value: string } {
  const special = new Set(':;=@');
  const separators = [':', ';', ':@', '==', '==@', '=', ':=', '@', '=@', ':=@'].sort((a, b) => a.length - b.length);
  const tokens: { text: string; escaped: boolean }[] = [{ text: '', escaped: false }];
  for (let i = 0; i < item.length; i++) {
    const char = item[i] as string;
    if (char !== '\\') (tokens.at(-1) as { text: string }).text += char;
    else if (special.has(item[i + 1] ?? '')) tokens.push({ text: item[++i] as string, escaped: true }, { text: '', escaped: false });
    else (tokens.at(-1) as { text: string }).text += `\\${item[++i] ?? ''}`;
  }
  for (const [i, token] of tokens.entries()) {
    if (token.escaped) continue;
    const found = new Map<number, string>();
    for (const separator of separators) if (token.text.includes(separator)) found.set(token.text.indexOf(separator), separator);
    if (found.size === 0) continue;
    const separator = found.get(Math.min(...found.keys())) as string;
    const at = token.text.indexOf(separator);
    const name =
      tokens
        .slice(0, i)
        .map((t) => t.text)
        .join('') + token.text.slice(0, at);
    const value =
      token.text.slice(at + separator.length) +
      tokens
        .slice(i + 1)
        .map((t) => t.text)
        .join('');
    return { name, separator, value };
  }
  throw new Error(`not a request item: ${item}`);
}

describe('HTTPie header items', () => {
  const TOKEN = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
  const VALUE = fc.string({
    unit: fc.oneof(
      fc.constantFrom(':', ';', '=', '@', '\\', '='),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 16,
  });

  test('HTTPie reads back the name and value, unless the snippet warns it cannot', () => {
    fc.assert(
      fc.property(TOKEN, VALUE, (name, value) => {
        const snippet = httpieSnippet(requestOnlyPlan({ method: 'GET', url: LAB, headers: [[name, value]] }));
        const line = snippet.split('\n').at(-1) ?? '';
        const quoted = line.slice(line.indexOf(` ${LAB} `) + LAB.length + 2);
        // Undo the shell's quoting with the shell itself.
        const item = execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
        const parsed = parseHttpieItem(item);
        expect(parsed.name).toBe(name);
        if (value === '') expect(parsed).toMatchObject({ separator: ';', value: '' });
        else if (snippet.startsWith('# HTTPie removes a backslash')) expect(value).toMatch(/\\[:;=@]/);
        else expect(parsed).toEqual({ name, separator: ':', value });
      }),
      { numRuns: 150 },
    );
  });
});
