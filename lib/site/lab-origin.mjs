// The lab's placeholder origin. Lessons write sandbox URLs as http://localhost:3000/api/sandbox/... (the
// content tests swap it for their server's); pages show the origin the reader is actually on instead,
// filled in at run time (components/ui/ReaderOrigin.tsx), and copy buttons copy that one too.
// Plain .mjs so the MDX rehype plugin, which runs in the build's loader, can import it.

export const LAB_PLACEHOLDER_ORIGIN = 'http://localhost:3000';

/**
 * The placeholder's host, as a request's Host field names it (RFC 9110 §7.2). In a transcript it must
 * follow the origin the commands show, or the exchange contradicts the command above it.
 */
export const LAB_PLACEHOLDER_HOST = 'localhost:3000';

/**
 * Where `host` (the placeholder's by default) is the value of a Host field in `text` (a line of an
 * exchange, a curl -v transcript whose request lines start "> "): after "Host:" at a line's start, as a
 * whole host.
 * @param {string} text
 * @param {string} [host]
 * @returns {{ start: number, end: number }[]}
 */
export function hostFieldRanges(text, host = LAB_PLACEHOLDER_HOST) {
  /** @type {{ start: number, end: number }[]} */
  const ranges = [];
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = new RegExp(`(?:^|\\n)(?:[<>*] ?)?Host:[ \\t]*${escaped}(?![A-Za-z0-9.:\\-_])`, 'gi');
  for (const match of text.matchAll(field)) {
    const end = match.index + match[0].length;
    ranges.push({ start: end - host.length, end });
  }
  return ranges;
}

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

/**
 * `text` naming the lab at origin `from` rewritten to name origin `to`: every whole origin, and the
 * host of every Host field (what a lesson's code copies as, on the page the reader is on).
 * @param {string} text
 * @param {string} from
 * @param {string} to
 */
export function replaceLabAddress(text, from, to) {
  const withOrigin = replaceOrigin(text, from, to);
  const [fromHost, toHost] = [new URL(from).host, new URL(to).host];
  let result = '';
  let last = 0;
  for (const { start, end } of hostFieldRanges(withOrigin, fromHost)) {
    result += withOrigin.slice(last, start) + toHost;
    last = end;
  }
  return result + withOrigin.slice(last);
}
