import type { SandboxRequest, SandboxResponse } from '../message';
import { reasonPhrase } from '../reason-phrases';

// The HTTP/1.1 text of a message as it would cross the wire (RFC 9112 §2.1), for learners to read.
// Built by concatenation, not arrays joined: every step of every exchange builds two or three of
// these, on the sandbox's hot path (issue 23).

export const SANDBOX_HOST = 'lab.example';

/** One decoder for every body: decode() without { stream } starts afresh each call, so sharing it is safe. */
const UTF8 = new TextDecoder();

/** A body as text the way the transcript shows it (UTF-8, a leading BOM dropped); most requests have none. */
export function bodyText(body: Uint8Array): string {
  return body.byteLength === 0 ? '' : UTF8.decode(body);
}

function fieldLines(headers: readonly (readonly [string, string])[]): string {
  let lines = '';
  for (const [name, value] of headers) lines += `${name}: ${value}\r\n`;
  return lines;
}

/** `body` is the request's body as text, when the caller already decoded it. */
export function rawRequest(request: SandboxRequest, host: string = SANDBOX_HOST, body: string = bodyText(request.body)): string {
  const hasHost = request.headers.some(([name]) => name.length === 4 && name.toLowerCase() === 'host');
  return `${request.method} ${request.target} HTTP/1.1\r\n${hasHost ? '' : `Host: ${host}\r\n`}${fieldLines(request.headers)}\r\n${body}`;
}

export function rawResponse(response: SandboxResponse): string {
  const statusLine = `HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`.trimEnd();
  return `${statusLine}\r\n${fieldLines(response.headers)}\r\n${response.body}`;
}
