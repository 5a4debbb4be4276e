import type { Finding, SourceKind } from './types';
import { type SourceField, type SourceLine, headerLine, isBlank, isFold, leadingWs, trimOws } from './source';

// Reads a pasted response: raw HTTP/1.1 or HTTP/2 text (curl -i, devtools), `curl -v` output, or bare
// field lines. Only the structure is read here; what the fields mean is judged elsewhere.

export type StatusLine = { version: string; status: number; reason: string; line: number; codeColumn: number };
export type RequestPart = { method: string; line: number; column: number; fields: SourceField[] };
export type ResponsePart = { status?: StatusLine; fields: SourceField[] };

export type ParsedMessage = {
  source: SourceKind;
  response?: ResponsePart;
  /** The request this response answers, when the paste showed it. */
  request?: RequestPart;
  /** How many responses the paste held (curl -v with --digest or -L shows several). */
  responseCount: number;
  lastResponseLine?: number;
  findings: Finding[];
};

// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]; curl shows HTTP/2 as `HTTP/2 401`.
const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?)[ \t]+(\d{3})(?:[ \t]+(.*?))?[ \t]*$/;
// RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +\S+ +HTTP\/\d(?:\.\d)?[ \t]*$/;
const CURL_MARKER = /^(?:< HTTP\/|> [A-Z]+ \S)/;
// A challenge pasted on its own, without the field name.
const BARE_CHALLENGE = /^(?:basic|bearer|digest|negotiate|ntlm|hoba|mutual|dpop|gnap|concealed|privatetoken|scram-sha-1|scram-sha-256|vapid)(?:[ ,]|$)/i;

export type Block = { kind: 'request' | 'response'; start?: SourceLine; fields: SourceField[] };

/** Splits the paste into lines with the column offset of their content (2 after curl's `< `). */
export function sourceLines(text: string): { source: 'raw' | 'curl'; incoming: SourceLine[]; outgoing: SourceLine[] } {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => CURL_MARKER.test(l))) {
    return { source: 'raw', incoming: lines.map((t, i) => ({ text: t, line: i + 1, offset: 0 })), outgoing: [] };
  }
  const incoming: SourceLine[] = [];
  const outgoing: SourceLine[] = [];
  lines.forEach((t, i) => {
    const marker = t.charAt(0);
    if ((marker !== '<' && marker !== '>') || (t.length > 1 && t.charAt(1) !== ' ')) return; // `* ` info, body, progress
    const offset = Math.min(2, t.length);
    (marker === '<' ? incoming : outgoing).push({ text: t.slice(offset), line: i + 1, offset });
  });
  return { source: 'curl', incoming, outgoing };
}

/** Groups lines into blocks: a start line (status or request line) and its field lines up to a blank line. */
export function readBlocks(lines: SourceLine[], findings: Finding[], allowHeadless: boolean): { blocks: Block[]; loose?: SourceLine } {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let loose: SourceLine | undefined;
  let afterBlank = false;
  for (const l of lines) {
    if (current) {
      if (isBlank(l.text)) {
        current = undefined;
        afterBlank = true;
      } else if (isFold(l.text)) {
        foldInto(current, l, findings);
      } else {
        const field = headerLine(l, findings);
        if (field) current.fields.push(field);
      }
      continue;
    }
    if (isBlank(l.text)) continue;
    if (STATUS_LINE.test(l.text)) current = { kind: 'response', start: l, fields: [] };
    else if (REQUEST_LINE.test(l.text)) current = { kind: 'request', start: l, fields: [] };
    else if (afterBlank)
      break; // a body: stop reading
    else if (blocks.length === 0 && allowHeadless && /^[^\s:]+[ \t]*:/.test(l.text)) current = { kind: 'response', fields: [] };
    else if (blocks.length === 0) {
      loose = loose ?? l;
      continue;
    } else break;
    blocks.push(current);
    if (current.start === undefined) {
      const field = headerLine(l, findings);
      if (field) current.fields.push(field);
    }
  }
  return { blocks, loose };
}

function foldInto(block: Block, l: SourceLine, findings: Finding[]): void {
  const last = block.fields[block.fields.length - 1];
  const ws = leadingWs(l.text);
  if (!last) {
    findings.push({
      severity: 'error',
      code: 'fold-without-field',
      message: 'This line starts with whitespace but no field line comes before it to continue (RFC 9112 §5.2).',
      line: l.line,
      column: l.offset + 1,
      length: Math.max(1, l.text.length),
      rfc: 'RFC 9112 §5.2',
    });
    return;
  }
  findings.push({
    severity: 'warning',
    code: 'obs-fold',
    message: `This line continues ${last.name} by starting with whitespace (obs-fold). Line folding is obsolete: a sender must not generate it, and a user agent reads it as a space (RFC 9112 §5.2).`,
    line: l.line,
    column: l.offset + 1,
    length: ws,
    rfc: 'RFC 9112 §5.2',
  });
  const content = trimOws(l.text);
  if (content === '') return;
  const separator = last.value === '' ? 0 : 1;
  last.segments.push({ valueStart: last.value.length + separator, line: l.line, column: l.offset + ws + 1, length: content.length, foldColumn: l.offset + 1 });
  last.value += (separator ? ' ' : '') + content;
  last.lastLine = l.line;
}

export function statusOf(l: SourceLine): StatusLine | undefined {
  const m = STATUS_LINE.exec(l.text);
  if (!m) return undefined;
  const version = m[1] ?? '';
  const code = m[2] ?? '';
  const codeColumn = l.offset + l.text.indexOf(code, version.length) + 1;
  return { version, status: Number(code), reason: m[3] ?? '', line: l.line, codeColumn };
}

function requestOf(block: Block): RequestPart | undefined {
  const start = block.start;
  if (!start) return undefined;
  const method = start.text.slice(0, start.text.indexOf(' '));
  return { method, line: start.line, column: start.offset + 1, fields: block.fields };
}

/** A paste that is only a challenge (`Basic realm="x", Bearer`): read as a WWW-Authenticate value. */
function bareChallenge(l: SourceLine): SourceField {
  const ws = leadingWs(l.text);
  const value = trimOws(l.text);
  return {
    name: 'WWW-Authenticate',
    value,
    line: l.line,
    column: l.offset + ws + 1,
    nameLength: 0,
    lastLine: l.line,
    segments: [{ valueStart: 0, line: l.line, column: l.offset + ws + 1, length: value.length, foldColumn: l.offset + ws + 1 }],
  };
}

export function readMessage(text: string): ParsedMessage {
  const findings: Finding[] = [];
  const { source, incoming, outgoing } = sourceLines(text);
  const { blocks, loose } = readBlocks(incoming, findings, source === 'raw');
  const requests = [...(source === 'curl' ? readBlocks(outgoing, findings, false).blocks : []), ...blocks].filter((b) => b.kind === 'request');
  const responses = blocks.filter((b) => b.kind === 'response');
  const last = responses[responses.length - 1];
  if (!last) {
    if (loose && BARE_CHALLENGE.test(loose.text.slice(leadingWs(loose.text)))) {
      return { source: 'challenge', response: { fields: [bareChallenge(loose)] }, responseCount: 0, findings };
    }
    return { source: 'none', responseCount: 0, findings, lastResponseLine: loose?.line };
  }
  const status = last.start ? statusOf(last.start) : undefined;
  const responseLine = last.start?.line ?? last.fields[0]?.line ?? 1;
  // The request this response answers: the last one shown before it.
  const request = requests.filter((r) => (r.start?.line ?? 0) < responseLine).pop();
  return {
    source: status ? source : 'headers',
    response: { status, fields: last.fields },
    request: request ? requestOf(request) : undefined,
    responseCount: responses.length,
    lastResponseLine: responseLine,
    findings,
  };
}
