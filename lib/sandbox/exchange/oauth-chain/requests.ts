import type { HeaderList, SandboxRequest } from '../../message';

// The chain's requests as a client writes them. Each names the lab's host, since the documents are
// written for the origin a request reached (RFC 9728 §3.3 and RFC 8414 §3.3 compare identifiers exactly).

export const hostField = (origin: string): [string, string] => ['Host', new URL(origin).host];

export function getRequest(origin: string, target: string, headers: HeaderList = []): SandboxRequest {
  return { method: 'GET', target, headers: [hostField(origin), ...headers], body: new Uint8Array() };
}

export function postRequest(origin: string, target: string, contentType: string, body: string): SandboxRequest {
  return { method: 'POST', target, headers: [hostField(origin), ['Content-Type', contentType]], body: new TextEncoder().encode(body) };
}

/** A form body (application/x-www-form-urlencoded), fields in the order given. */
export const formBody = (fields: [string, string][]) => new URLSearchParams(fields).toString();
