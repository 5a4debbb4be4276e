// Checks the raw HTTP a lesson shows (```http fences, <Exchange> messages): each message must be what a
// real peer could send, read with the same field-line reader as "Explain this response" and the
// header parsers of lib/http-auth. A deliberately broken example belongs in a ```text fence.
import { parseAuthInfo, parseChallenges, parseCredentials } from '@/lib/http-auth';
import { headerLine, isBlank, isFold, type SourceField } from '@/lib/explain/source';
import type { Finding } from '@/lib/explain/types';

export type HttpProblem = { line: number; message: string };

type StartLine = { kind: 'request'; method: string; version: string } | { kind: 'response'; status: number; version: string };
type Message = { start: StartLine; line: number; fields: SourceField[] };

// RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) (HTTP\/\d(?:\.\d)?)$/;
// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] (curl prints HTTP/2 as `HTTP/2 401`).
const STATUS_LINE = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: .*)?$/;

function startLine(text: string): StartLine | undefined {
  const request = REQUEST_LINE.exec(text);
  if (request) return { kind: 'request', method: request[1] ?? '', version: request[3] ?? '' };
  const status = STATUS_LINE.exec(text);
  if (status) return { kind: 'response', status: Number(status[2]), version: status[1] ?? '' };
  return undefined;
}

/** Splits the text into messages: a start line, field lines up to a blank line, then an optional body. */
function readMessages(text: string, problems: HttpProblem[]): Message[] {
  const messages: Message[] = [];
  let current: Message | undefined;
  let inBody = false;
  let previousBlank = true;
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    const blank = isBlank(content);
    const start = previousBlank ? startLine(content) : undefined;
    previousBlank = blank;
    if (start) {
      current = { start, line, fields: [] };
      messages.push(current);
      inBody = false;
      return;
    }
    if (!current) {
      if (!blank) problems.push({ line, message: `expected a request line (GET /path HTTP/1.1) or a status line (HTTP/1.1 401 Unauthorized), found ${JSON.stringify(content)}` });
      return;
    }
    if (inBody) return;
    if (blank) {
      inBody = true;
      return;
    }
    if (isFold(content)) {
      problems.push({ line, message: 'a line starting with whitespace continues the previous field (obs-fold), which a sender must not generate (RFC 9112 §5.2)' });
      return;
    }
    const findings: Finding[] = [];
    const field = headerLine({ text: content, line, offset: 0 }, findings);
    for (const finding of findings) problems.push({ line, message: finding.message });
    if (field) current.fields.push(field);
  });
  if (messages.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'the block holds no HTTP message' });
  return messages;
}

const named = (message: Message, name: string) => message.fields.filter((field) => field.name.toLowerCase() === name.toLowerCase());

function checkAuthFields(message: Message, problems: HttpProblem[]): void {
  for (const name of ['WWW-Authenticate', 'Proxy-Authenticate']) {
    const fields = named(message, name);
    if (fields.length === 0) continue;
    const result = parseChallenges(fields.map((field) => field.value));
    if (!result.ok) {
      const field = fields[result.error.line ?? 0] ?? fields[0];
      problems.push({ line: field?.line ?? message.line, message: `${name} does not parse: ${result.error.message}` });
    } else if (result.value.length === 0) {
      problems.push({ line: fields[0]?.line ?? message.line, message: `${name} holds no challenge` });
    }
  }
  for (const name of ['Authorization', 'Proxy-Authorization']) {
    for (const field of named(message, name)) {
      const result = parseCredentials(field.value);
      if (!result.ok) problems.push({ line: field.line, message: `${name} does not parse: ${result.error.message}` });
    }
  }
  for (const name of ['Authentication-Info', 'Proxy-Authentication-Info']) {
    for (const field of named(message, name)) {
      const result = parseAuthInfo(field.value);
      if (!result.ok) problems.push({ line: field.line, message: `${name} does not parse: ${result.error.message}` });
    }
  }
}

function checkMessage(message: Message, problems: HttpProblem[]): void {
  const { start } = message;
  switch (start.kind) {
    case 'request':
      // RFC 9112 §3.2: a client MUST send a Host header field in every HTTP/1.1 request.
      if (start.version === 'HTTP/1.1' && named(message, 'Host').length !== 1) {
        problems.push({ line: message.line, message: 'an HTTP/1.1 request must carry exactly one Host field (RFC 9112 §3.2)' });
      }
      break;
    case 'response':
      // RFC 9110 §15.5.2 and §15.5.8: the challenge is what makes a 401 or 407 answerable.
      if (start.status === 401 && named(message, 'WWW-Authenticate').length === 0) {
        problems.push({ line: message.line, message: 'a 401 response must carry WWW-Authenticate (RFC 9110 §15.5.2)' });
      }
      if (start.status === 407 && named(message, 'Proxy-Authenticate').length === 0) {
        problems.push({ line: message.line, message: 'a 407 response must carry Proxy-Authenticate (RFC 9110 §15.5.8)' });
      }
      break;
    default: {
      const never: never = start;
      return never;
    }
  }
  checkAuthFields(message, problems);
}

/** Problems in raw HTTP text (one or more messages); lines count from 1 at the text's first line. */
export function checkHttpText(text: string): HttpProblem[] {
  const problems: HttpProblem[] = [];
  for (const message of readMessages(text, problems)) checkMessage(message, problems);
  return problems.sort((a, b) => a.line - b.line);
}
