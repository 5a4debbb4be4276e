import { headerLine, isBlank, isFold } from '@/lib/explain/source';
import type { Finding } from '@/lib/explain/types';

// Reads the raw HTTP/1.1 text an <Exchange> shows: a start line, field lines up to a blank line, then
// an optional body. Field lines go through the same reader as "Explain this response".

// RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) (HTTP\/\d(?:\.\d)?)$/;
// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ].
const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: (.*))?$/;

export type StartLine =
  | { kind: 'request'; method: string; target: string; version: string }
  | { kind: 'response'; status: number; reason: string; version: string };

/** What each numbered line of the message is (1-based, in order). */
export type MessageLine =
  | { kind: 'start'; text: string }
  | { kind: 'field'; text: string; name: string; value: string }
  | { kind: 'blank'; text: string }
  | { kind: 'body'; text: string };

export type HttpMessage = { start: StartLine; lines: MessageLine[] };

export type HttpMessageResult = { ok: true; message: HttpMessage } | { ok: false; line: number; problem: string };

function startLine(text: string): StartLine | undefined {
  const request = REQUEST_LINE.exec(text);
  if (request) return { kind: 'request', method: request[1] ?? '', target: request[2] ?? '', version: request[3] ?? '' };
  const status = STATUS_LINE.exec(text);
  if (status) return { kind: 'response', status: Number(status[2]), reason: status[3] ?? '', version: status[1] ?? '' };
  return undefined;
}

/** One message, as written in a lesson (LF or CRLF line ends). */
export function readHttpMessage(text: string): HttpMessageResult {
  const raw = text.split(/\r?\n/);
  const first = raw[0] ?? '';
  const start = startLine(first);
  if (!start) {
    return { ok: false, line: 1, problem: `line 1 must be a request line (GET /path HTTP/1.1) or a status line (HTTP/1.1 401 Unauthorized), found ${JSON.stringify(first)}` };
  }
  const lines: MessageLine[] = [{ kind: 'start', text: first }];
  let inBody = false;
  for (let i = 1; i < raw.length; i++) {
    const content = raw[i] ?? '';
    const line = i + 1;
    if (inBody) {
      lines.push({ kind: 'body', text: content });
    } else if (isBlank(content)) {
      inBody = true;
      lines.push({ kind: 'blank', text: content });
    } else if (isFold(content)) {
      return { ok: false, line, problem: `line ${line} starts with whitespace (obs-fold), which a sender must not generate (RFC 9112 §5.2)` };
    } else {
      const findings: Finding[] = [];
      const field = headerLine({ text: content, line, offset: 0 }, findings);
      const problem = findings.find((f) => f.severity === 'error') ?? findings[0];
      if (!field || problem) return { ok: false, line, problem: `line ${line}: ${problem?.message ?? 'not a field line'}` };
      lines.push({ kind: 'field', text: content, name: field.name, value: field.value });
    }
  }
  // A trailing newline in a template literal is not a line of the message.
  while (lines.length > 1 && lines[lines.length - 1]?.text === '' && lines[lines.length - 1]?.kind !== 'start') lines.pop();
  return { ok: true, message: { start, lines } };
}
