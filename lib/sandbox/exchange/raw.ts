import type { SandboxRequest, SandboxResponse } from '../message';
import { reasonPhrase } from '../reason-phrases';

// The HTTP/1.1 text of a message as it would cross the wire (RFC 9112 §2.1), for learners to read.

export const SANDBOX_HOST = 'lab.example';

export function rawRequest(request: SandboxRequest, host: string = SANDBOX_HOST): string {
  const hasHost = request.headers.some(([name]) => name.toLowerCase() === 'host');
  const headers = hasHost ? request.headers : [['Host', host] as [string, string], ...request.headers];
  const body = new TextDecoder().decode(request.body);
  return [`${request.method} ${request.target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), '', body].join('\r\n');
}

export function rawResponse(response: SandboxResponse): string {
  const statusLine = `HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`.trimEnd();
  return [statusLine, ...response.headers.map(([name, value]) => `${name}: ${value}`), '', response.body].join('\r\n');
}
