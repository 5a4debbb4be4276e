import fc from 'fast-check';
import { stateForPreset } from '@/lib/playground/model';
import { SNIPPET_LANGUAGES, snippetFor } from '@/lib/playground/snippets';
import { snippetPlanFor } from '@/lib/playground/snippets/plan';
import { highlightSnippet, type SnippetGrammar, type SnippetToken } from '@/lib/playground/snippets/highlight';
import { findPreset } from '@/lib/sandbox/scenario/presets';

const GRAMMARS: SnippetGrammar[] = ['shell', 'javascript', 'python'];
const kinds = (tokens: SnippetToken[], kind: SnippetToken['kind']) => tokens.filter((token) => token.kind === kind).map((token) => token.text);

describe('highlightSnippet', () => {
  it('never loses or adds a character, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...`ab -#'"\`\\\n\t$.{}0f_`.split('')), maxLength: 60 }), fc.constantFrom(...GRAMMARS), (code, grammar) => {
        const tokens = highlightSnippet(code, grammar);
        expect(tokens.map((token) => token.text).join('')).toBe(code);
        expect(tokens.every((token) => token.text !== '')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    // [grammar, code, kind, texts of that kind]
    ['shell', `curl -i -H 'Authorization: Basic YQ==' http://x/a`, 'command', ['curl']],
    ['shell', `curl -i -H 'Authorization: Basic YQ==' http://x/a`, 'option', ['-i', '-H']],
    ['shell', `curl -i -H 'Authorization: Basic YQ==' http://x/a`, 'string', [`'Authorization: Basic YQ=='`]],
    // A quote inside single quotes: string, escaped quote, string.
    ['shell', `curl -H 'X: it'\\''s'`, 'string', [`'X: it'`, `'s'`]],
    ['shell', `# HTTPie removes a backslash\nhttp --print=HhBb GET 'u'`, 'comment', ['# HTTPie removes a backslash']],
    ['shell', `# note\nhttp --print=HhBb GET 'u'`, 'command', ['http']],
    // "#" inside a word is not a comment.
    ['shell', `curl http://x/a#frag`, 'comment', []],
    ['javascript', `const response = await fetch("http://x", {\n  credentials: 'omit',\n});`, 'keyword', ['const', 'await']],
    ['javascript', `const response = await fetch("http://x", {\n  credentials: 'omit',\n});`, 'string', ['"http://x"', `'omit'`]],
    ['javascript', `// fetch resolves on 401\nconsole.log(response.status);`, 'comment', ['// fetch resolves on 401']],
    ['javascript', 'console.log(`${name}: ${value}`);', 'string', ['`${name}: ${value}`']],
    // Escaped quotes stay inside the literal; a property named like a keyword is not one.
    ['javascript', `x = "a\\"b" + y.new`, 'string', ['"a\\"b"']],
    ['javascript', `x = "a\\"b" + y.new`, 'keyword', []],
    ['javascript', `for (let i = 0; i < 2; i += 2) {}`, 'number', ['0', '2', '2']],
    ['python', `import requests\nprint(f'{name}: {value}')`, 'keyword', ['import']],
    ['python', `import requests\nprint(f'{name}: {value}')`, 'string', [`f'{name}: {value}'`]],
    ['python', `    timeout=10,  # seconds`, 'number', ['10']],
    ['python', `    timeout=10,  # seconds`, 'comment', ['# seconds']],
    ['python', `x = 'it\\'s' if a is None else b`, 'keyword', ['if', 'is', 'None', 'else']],
  ] as const)('%s: %j has %s tokens %j', (grammar, code, kind, expected) => {
    expect(kinds(highlightSnippet(code, grammar), kind)).toEqual(expected);
  });

  it('colours every snippet the playground offers, for a real preset', () => {
    const preset = findPreset('basic-wrong-password');
    if (!preset) throw new Error('the basic-wrong-password preset is missing');
    const state = stateForPreset(preset);
    for (const language of SNIPPET_LANGUAGES) {
      const code = snippetFor(language.id, snippetPlanFor(state, 'http://localhost:3000'));
      const tokens = highlightSnippet(code, language.grammar);
      expect(tokens.map((token) => token.text).join('')).toBe(code);
      // Every snippet names the sandbox URL inside a string literal (or a shell word for curl's bare URL).
      expect(tokens.some((token) => token.text.includes('/api/sandbox/') && token.kind !== 'comment')).toBe(true);
      expect(tokens.some((token) => token.kind !== 'plain')).toBe(true);
    }
  });
});
