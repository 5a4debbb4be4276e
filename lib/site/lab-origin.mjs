// The lab's placeholder origin. Lessons write sandbox URLs as http://localhost:3000/api/sandbox/... (the
// content tests swap it for their server's); pages show the origin the reader is actually on instead,
// filled in at run time (components/ui/ReaderOrigin.tsx), and copy buttons copy that one too.
// Plain .mjs so the MDX rehype plugin, which runs in the build's loader, can import it.

export const LAB_PLACEHOLDER_ORIGIN = 'http://localhost:3000';

/**
 * Where `origin` occurs in `text` as a whole origin: not followed by more of a host or port
 * (http://localhost:3000 is not in http://localhost:30001 nor in http://localhost:3000.example).
 * @param {string} text
 * @param {string} origin
 * @returns {{ start: number, end: number }[]}
 */
export function originRanges(text, origin) {
  /** @type {{ start: number, end: number }[]} */
  const ranges = [];
  if (origin === '') return ranges;
  for (let start = text.indexOf(origin); start !== -1; start = text.indexOf(origin, start + origin.length)) {
    const end = start + origin.length;
    if (/^[A-Za-z0-9.:\-_]/.test(text.slice(end, end + 1))) continue;
    ranges.push({ start, end });
  }
  return ranges;
}

/**
 * `text` with every whole occurrence of origin `from` replaced by origin `to`.
 * @param {string} text
 * @param {string} from
 * @param {string} to
 */
export function replaceOrigin(text, from, to) {
  let result = '';
  let last = 0;
  for (const { start, end } of originRanges(text, from)) {
    result += text.slice(last, start) + to;
    last = end;
  }
  return result + text.slice(last);
}
