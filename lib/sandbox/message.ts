import type { ConnectionAuth } from './connection';

// The sandbox's view of an HTTP message, independent of node:http and the Fetch API.
// Headers are an ordered list of [name, value] pairs: a response can repeat WWW-Authenticate, and a
// request can repeat Authorization; a Record would silently merge or drop them.

export type HeaderList = Array<[name: string, value: string]>;

export type SandboxRequest = {
  method: string;
  /** The request-target as sent on the request line: path and query (RFC 9112 §3.2, origin-form). */
  target: string;
  /**
   * The request-target as the client wrote it, when that was absolute-form (the lab used as a proxy,
   * RFC 9112 §3.2.2): a Digest uri may name it (RFC 7616 §3.4.6).
   */
  sentTarget?: string;
  headers: HeaderList;
  body: Uint8Array;
  /**
   * The connection it came on, for the schemes that authenticate one (NTLM, Negotiate). server.ts gives
   * each socket its own; the exchange simulates them. A door without connections (next dev) leaves it out.
   */
  connection?: ConnectionAuth;
};

export type SandboxResponse = {
  status: number;
  headers: HeaderList;
  body: string;
};

/** Every value of a field, in order (RFC 9110 §5.1: field names are case-insensitive). */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  // Length first: most fields of a browser's request are not the one asked for.
  return headers.filter(([key]) => key.length === wanted.length && key.toLowerCase() === wanted).map(([, value]) => value);
}

export function firstHeader(headers: HeaderList, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

export function withoutHeader(headers: HeaderList, name: string): HeaderList {
  const unwanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() !== unwanted);
}

/** The path of a request-target, without its query (and without parsing the query). */
export function targetPath(target: string): string {
  const at = target.indexOf('?');
  return at === -1 ? target : target.slice(0, at);
}

export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const at = target.indexOf('?');
  return at === -1 ? { path: target, query: new URLSearchParams() } : { path: target.slice(0, at), query: new URLSearchParams(target.slice(at + 1)) };
}
