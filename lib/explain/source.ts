import type { Finding, HeaderField } from './types';

// Field lines with the map from a position in the field value back to the pasted text, so that a
// library diagnostic (an index in the value) can be shown under the very characters it names.

/** One pasted line; `text` is its content after any curl `< ` prefix, which is `offset` characters long. */
export type SourceLine = { text: string; line: number; offset: number };

/** A run of the field value that sits on one pasted line. */
export type Segment = {
  valueStart: number;
  line: number;
  /** 1-based column of the segment's first character. */
  column: number;
  length: number;
  /** Where the whitespace of the obs-fold before this segment starts (the space it became maps there). */
  foldColumn: number;
};

export type SourceField = HeaderField & { nameLength: number; segments: Segment[] };

export type Span = { line: number; column: number; length: number };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const isBlank = (text: string): boolean => trimOws(text) === '';
export const isFold = (text: string): boolean => text.startsWith(' ') || text.startsWith('\t');

/** RFC 9112 §5: field-line = field-name ":" OWS field-value OWS. Reports what is malformed. */
export function headerLine(l: SourceLine, findings: Finding[]): SourceField | undefined {
  const colon = l.text.indexOf(':');
  const at = (column: number, length: number) => ({ line: l.line, column: l.offset + column, length });
  if (colon <= 0) {
    findings.push({
      severity: 'warning',
      code: 'not-a-field-line',
      message: 'This line is neither a field line (name: value) nor a continuation, so a client cannot read it as a header (RFC 9112 §5).',
      ...at(1, l.text.length),
      rfc: 'RFC 9112 §5',
    });
    return undefined;
  }
  const rawName = l.text.slice(0, colon);
  const name = rawName.trimEnd();
  if (name !== rawName && TOKEN.test(name)) {
    findings.push({
      severity: 'error',
      code: 'space-before-colon',
      message:
        'No whitespace is allowed between a field name and the colon (RFC 9112 §5.1): a server must reject such a request, a proxy must remove the space, and other recipients may misread the field.',
      ...at(name.length + 1, rawName.length - name.length),
      rfc: 'RFC 9112 §5.1',
    });
  } else if (!TOKEN.test(name)) {
    findings.push({
      severity: 'error',
      code: 'invalid-field-name',
      message: `'${name}' is not a field name: a field name is a token, without spaces or separators (RFC 9110 §5.1).`,
      ...at(1, rawName.length),
      rfc: 'RFC 9110 §5.1',
    });
    return undefined;
  }
  const after = l.text.slice(colon + 1);
  const lead = leadingWs(after);
  // RFC 9110 §5.5: leading and trailing whitespace is not part of the field value.
  const value = trimOws(after);
  const column = l.offset + colon + 1 + lead + 1;
  return {
    name,
    value,
    line: l.line,
    column: l.offset + 1,
    nameLength: name.length,
    lastLine: l.line,
    segments: [{ valueStart: 0, line: l.line, column, length: value.length, foldColumn: column }],
  };
}

/**
 * Where `index` (and `length` characters from it) of the field value sit in the paste. A span never
 * crosses into the next pasted line: it stops at the end of the segment it starts in.
 */
export function locate(field: SourceField, index: number, length: number): Span {
  const segs = field.segments;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const next = segs[i + 1];
    if (!seg || (next && index >= next.valueStart)) continue;
    if (next && index >= seg.valueStart + seg.length) {
      // The space an obs-fold became: point at that fold's whitespace.
      return { line: next.line, column: next.foldColumn, length: Math.min(1, next.column - next.foldColumn) };
    }
    const offset = clamp(index - seg.valueStart, 0, seg.length);
    return { line: seg.line, column: seg.column + offset, length: clamp(length, 0, seg.length - offset) };
  }
  return { line: field.line, column: field.column, length: 0 };
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(n, hi));

/** Length of the SP / HTAB run at the start (RFC 9110 §5.6.3 OWS; other characters are content). */
export const leadingWs = (text: string): number => /^[ \t]*/.exec(text)?.[0].length ?? 0;

/** Removes OWS at both ends (RFC 9110 §5.5). */
export const trimOws = (text: string): string => text.replace(/^[ \t]+|[ \t]+$/g, '');

/** The field name itself, for findings about a whole field. */
export function nameSpan(field: SourceField): Span {
  if (field.nameLength === 0) return locate(field, 0, field.value.length);
  return { line: field.line, column: field.column, length: field.nameLength };
}

/** Same field, several lines: RFC 9110 §5.2 and §5.3, names compare case-insensitively. */
export function fieldsNamed(fields: readonly SourceField[], name: string): SourceField[] {
  const lower = name.toLowerCase();
  return fields.filter((f) => f.name.toLowerCase() === lower);
}

/** Top-level list elements of a field value (commas inside quoted-strings do not split), with positions. */
export function listElements(value: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= value.length; i++) {
    const c = value.charAt(i);
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',' || i === value.length) {
      const raw = value.slice(start, i);
      const lead = leadingWs(raw);
      const text = trimOws(raw);
      if (text !== '') out.push({ text, index: start + lead });
      start = i + 1;
    }
  }
  return out;
}
