// Highlighting for the playground's snippets. They are code we generate ourselves, from a small,
// known set of constructs (a shell command line, a JavaScript or Python script with string literals,
// comments and a few keywords), so a lexer for exactly those constructs colours them correctly at a
// fraction of the weight of Shiki's general grammars: shellscript, javascript and python alone are
// about 32 KiB gzip before Shiki's core, against the page's 60 KiB budget (bench/README.md). Lesson
// code blocks keep Shiki, at build time.

export type SnippetGrammar = 'shell' | 'javascript' | 'python';

export type SnippetTokenKind = 'command' | 'option' | 'string' | 'comment' | 'keyword' | 'number' | 'plain';

export type SnippetToken = { kind: SnippetTokenKind; text: string };

const JS_KEYWORDS = new Set([
  'async',
  'await',
  'break',
  'case',
  'catch',
  'const',
  'continue',
  'else',
  'export',
  'false',
  'for',
  'from',
  'function',
  'if',
  'import',
  'let',
  'new',
  'null',
  'of',
  'return',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'while',
]);

const PYTHON_KEYWORDS = new Set([
  'and',
  'as',
  'def',
  'elif',
  'else',
  'False',
  'for',
  'from',
  'if',
  'import',
  'in',
  'is',
  'None',
  'not',
  'or',
  'return',
  'True',
  'try',
  'while',
  'with',
]);

/** End (exclusive) of a quoted literal opening at `start`, with backslash escapes (JS and Python strings). */
function escapedLiteralEnd(code: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < code.length) {
    const char = code[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else if (char === '\n' && quote !== '`') return index;
    else index += 1;
  }
  return code.length;
}

const lineEnd = (code: string, start: number) => {
  const end = code.indexOf('\n', start);
  return end < 0 ? code.length : end;
};

/** Appends, merging with the previous token of the same kind so the output stays short. */
function push(tokens: SnippetToken[], kind: SnippetTokenKind, text: string) {
  if (text === '') return;
  const last = tokens.at(-1);
  if (last && last.kind === kind) last.text += text;
  else tokens.push({ kind, text });
}

/**
 * POSIX shell as our curl and HTTPie lines use it: '...' strings (no escapes inside, so `'\''`
 * is a string, an escaped quote and another string), `#` comments at the start of a word, options
 * starting with `-`, and the command word at the start of a line.
 */
function shellTokens(code: string): SnippetToken[] {
  const tokens: SnippetToken[] = [];
  let index = 0;
  let wordStart = true;
  let commandWord = true;
  while (index < code.length) {
    const char = code[index] ?? '';
    if (char === '\n') {
      push(tokens, 'plain', char);
      index += 1;
      wordStart = commandWord = true;
    } else if (char === ' ' || char === '\t') {
      push(tokens, 'plain', char);
      index += 1;
      wordStart = true;
    } else if (char === '#' && wordStart) {
      const end = lineEnd(code, index);
      push(tokens, 'comment', code.slice(index, end));
      index = end;
    } else if (char === "'") {
      const close = code.indexOf("'", index + 1);
      const end = close < 0 ? code.length : close + 1;
      push(tokens, 'string', code.slice(index, end));
      index = end;
      wordStart = commandWord = false;
    } else if (char === '\\') {
      push(tokens, 'plain', code.slice(index, index + 2));
      index += 2;
      wordStart = false;
    } else {
      let end = index;
      while (end < code.length && !/[\s'\\]/.test(code[end] ?? '')) end += 1;
      const word = code.slice(index, end);
      push(tokens, commandWord && wordStart ? 'command' : wordStart && word.startsWith('-') ? 'option' : 'plain', word);
      index = end;
      wordStart = commandWord = false;
    }
  }
  return tokens;
}

/** JavaScript or Python: line comments, string literals with escapes, keywords and numbers. */
function scriptTokens(code: string, grammar: 'javascript' | 'python'): SnippetToken[] {
  const tokens: SnippetToken[] = [];
  const keywords = grammar === 'javascript' ? JS_KEYWORDS : PYTHON_KEYWORDS;
  const quotes = grammar === 'javascript' ? `'"\`` : `'"`;
  let index = 0;
  while (index < code.length) {
    const char = code[index] ?? '';
    const comment = grammar === 'javascript' ? code.startsWith('//', index) : char === '#';
    // Python's f-strings: the prefix belongs to the literal.
    const prefixed = grammar === 'python' && /[fFrRbB]/.test(char) && quotes.includes(code[index + 1] ?? '') && !/\w/.test(code[index - 1] ?? '');
    if (comment) {
      const end = lineEnd(code, index);
      push(tokens, 'comment', code.slice(index, end));
      index = end;
    } else if (quotes.includes(char) || prefixed) {
      const open = prefixed ? index + 1 : index;
      const end = escapedLiteralEnd(code, open, code[open] ?? '');
      push(tokens, 'string', code.slice(index, end));
      index = end;
    } else if (/[A-Za-z_$]/.test(char)) {
      let end = index;
      while (end < code.length && /[\w$]/.test(code[end] ?? '')) end += 1;
      const word = code.slice(index, end);
      // A property name after "." is not a keyword (response.status, headers.items).
      push(tokens, keywords.has(word) && code[index - 1] !== '.' ? 'keyword' : 'plain', word);
      index = end;
    } else if (/[0-9]/.test(char) && !/[\w$]/.test(code[index - 1] ?? '')) {
      let end = index;
      while (end < code.length && /[0-9_.]/.test(code[end] ?? '')) end += 1;
      push(tokens, 'number', code.slice(index, end));
      index = end;
    } else {
      push(tokens, 'plain', char);
      index += 1;
    }
  }
  return tokens;
}

/** Splits a snippet into coloured tokens; joined back together, their texts are exactly `code`. */
export function highlightSnippet(code: string, grammar: SnippetGrammar): SnippetToken[] {
  switch (grammar) {
    case 'shell':
      return shellTokens(code);
    case 'javascript':
    case 'python':
      return scriptTokens(code, grammar);
    default: {
      const never: never = grammar;
      return never;
    }
  }
}
