// Parses the meta words after a code fence's language. Its own module (no Shiki) so the content tests can
// read fences exactly as the build does.
// Which languages may carry which meta words (docs/writing-lessons.md, "Code blocks"; the content tests act on them).
const EXPECT_LANGUAGES = ['shell'];
const RUNNABLE_LANGUAGES = ['python', 'js', 'ts'];

/** One meta word: title="..." (or '...'), expect=NNN, runnable. Anything else is matched by `other`. */
const META_WORD = /\s*(?:title=(?:"(?<double>[^"]*)"|'(?<single>[^']*)')|expect=(?<status>\d+)|(?<runnable>runnable)|(?<other>\S+))(?=\s|$)/y;

/**
 * @typedef {object} FenceMeta
 * @property {string} [title] a caption shown above the block
 * @property {number} [expect] shell only: the final HTTP status the command prints (checked by the tests)
 * @property {true} [runnable] python/js/ts only: the tests run the block against the sandbox
 */

/**
 * Reads a fence's meta string, e.g. ```shell title="Ask again" expect=401 or ```python runnable.
 * Words may come in any order, each at most once. Throws a message naming the offending word.
 * @param {string | undefined} meta
 * @param {string} [lang] the fence language; expect/runnable are refused on languages they do not apply to
 * @returns {FenceMeta}
 */
export function parseFenceMeta(meta, lang) {
  /** @type {FenceMeta} */
  const result = {};
  if (!meta || meta.trim() === '') return result;
  const allowed = 'allowed: title="...", expect=NNN (shell), runnable (python, js, ts)';
  META_WORD.lastIndex = 0;
  const seen = new Set();
  while (META_WORD.lastIndex < meta.length && meta.slice(META_WORD.lastIndex).trim() !== '') {
    const start = META_WORD.lastIndex;
    const match = META_WORD.exec(meta);
    const groups = match?.groups;
    if (!match || !groups || groups.other !== undefined) {
      const word = groups?.other ?? meta.slice(start).trim();
      throw new Error(`Unsupported code fence meta ${JSON.stringify(word)} in ${JSON.stringify(meta)}; ${allowed}.`);
    }
    const name = groups.status !== undefined ? 'expect' : groups.runnable !== undefined ? 'runnable' : 'title';
    if (seen.has(name)) throw new Error(`Code fence meta ${JSON.stringify(meta)} gives ${name} twice.`);
    seen.add(name);
    if (name === 'title') {
      result.title = groups.double ?? groups.single ?? '';
    } else if (name === 'expect') {
      const status = groups.status ?? '';
      if (!/^[1-5]\d\d$/.test(status)) {
        throw new Error(`Code fence meta "expect=${status}" is not an HTTP status: use three digits, 100 to 599.`);
      }
      if (lang !== undefined && !EXPECT_LANGUAGES.includes(lang)) {
        throw new Error(`Code fence meta "expect=${status}" is only allowed on shell blocks, not ${lang}.`);
      }
      result.expect = Number(status);
    } else {
      if (lang !== undefined && !RUNNABLE_LANGUAGES.includes(lang)) {
        throw new Error(`Code fence meta "runnable" is only allowed on ${RUNNABLE_LANGUAGES.join(', ')} blocks, not ${lang}.`);
      }
      result.runnable = true;
    }
  }
  return result;
}
