// The offending line of a paste cut down for display: a window around the marked characters, with a
// caret line (`^^^`) that lines up under them in a monospace font, so the mark reads without colour.

export type Excerpt = {
  before: string;
  marked: string;
  after: string;
  /** Spaces (tabs kept, so tab stops agree) up to the mark, then one `^` per marked character. */
  caret: string;
};

const ELLIPSIS = '…';

/** Control characters made visible one for one (U+2400 block), so columns stay aligned. */
export function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => String.fromCharCode(c === '\x7f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/**
 * `column` is 1-based; `length` may be 0 (the caret then points between characters). At most `width`
 * characters of the line are kept, the mark itself at most `width - context * 2`.
 */
export function excerpt(line: string, column: number, length: number, width = 120, context = 24): Excerpt {
  const start = Math.max(0, Math.min(column - 1, line.length));
  const markLength = Math.max(0, Math.min(length, line.length - start, width - context * 2));
  const from = line.length <= width ? 0 : Math.max(0, start - context);
  const to = line.length <= width ? line.length : Math.min(line.length, Math.max(start + markLength + context, from + width));
  const before = (from > 0 ? ELLIPSIS : '') + visible(line.slice(from, start));
  const marked = visible(line.slice(start, start + markLength));
  const after = visible(line.slice(start + markLength, to)) + (to < line.length ? ELLIPSIS : '');
  const caret = before.replace(/[^\t]/g, ' ') + '^'.repeat(Math.max(1, markLength));
  return { before, marked, after, caret };
}
