// The languages lessons may use in fenced code blocks, mapped to Shiki grammar names.
// Loading only these keeps the build fast: without an explicit `langs` list Shiki loads every grammar.
export const CODE_LANGUAGES = /** @type {const} */ ({
  http: { grammar: 'http', label: 'HTTP' },
  shell: { grammar: 'shellscript', label: 'Shell' },
  json: { grammar: 'json', label: 'JSON' },
  js: { grammar: 'javascript', label: 'JavaScript' },
  ts: { grammar: 'typescript', label: 'TypeScript' },
  python: { grammar: 'python', label: 'Python' },
  text: { grammar: 'text', label: 'Text' },
});

export const CODE_THEMES = /** @type {const} */ ({ light: 'github-light-default', dark: 'github-dark-default' });
