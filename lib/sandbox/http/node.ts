import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, securityDefaultsFor } from './security-fields';
import type { ConnectionAuth } from '../connection';
import type { HeaderList, SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { reasonPhrase } from '../reason-phrases';
import { MAX_BODY_BYTES, MAX_TARGET_LENGTH } from '../limits';

// The node:http adapter used by server.ts. rawHeaders keeps every field line in order, and
// writeHead with a flat array sends repeated WWW-Authenticate lines as separate lines.

/** The default security headers as writeHead's flat [name, value, ...] list, computed once: they never change. */
const SECURITY_FIELDS: readonly string[] = SECURITY_HEADERS.flatMap(({ key, value }) => [key, value]);

const EMPTY_BODY = new Uint8Array(0);

/**
 * What server.ts needs to know of a request's field lines before routing it, read in one pass over
 * rawHeaders (request.headers is built lazily by node:http; the sandbox never pays for it).
 */
export type FieldSummary = {
  /** How many Host field lines (RFC 9112 §3.2: exactly one). */
  hosts: number;
  /** Authorization or Proxy-Authorization present: the engine has credentials to check. */
  credentials: boolean;
  /** Content-Length other than 0, or Transfer-Encoding: the request has a body (RFC 9112 §6.3). */
  body: boolean;
};

export function summariseFields(raw: readonly string[]): FieldSummary {
  const summary: FieldSummary = { hosts: 0, credentials: false, body: false };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    // Lengths first: a browser sends a dozen fields, and none of the others needs lower-casing.
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') summary.hosts++;
        break;
      case 13:
        if (name.toLowerCase() === 'authorization') summary.credentials = true;
        break;
      case 19:
        if (name.toLowerCase() === 'proxy-authorization') summary.credentials = true;
        break;
      case 14:
        if (name.toLowerCase() === 'content-length' && raw[i + 1] !== '0') summary.body = true;
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') summary.body = true;
        break;
    }
  }
  return summary;
}

function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      // A small body comes in one chunk, a Buffer of its own (node:http copies each body chunk out of the
      // socket's): a plain Uint8Array view of it, with no concat and no copy (issue 23).
      const only = chunks.length === 1 ? chunks[0] : undefined;
      resolve(only ? new Uint8Array(only.buffer, only.byteOffset, only.length) : new Uint8Array(Buffer.concat(chunks)));
    });
    request.on('error', reject);
  });
}

const tooLarge = () => ({ error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) });

/** What the server knows of a request beyond its message: the connection it came on, and the target as the client wrote it. */
export type ArrivedOn = { connection?: ConnectionAuth; sentTarget?: string };

/**
 * The request as the engine reads it, made in one object literal with the same fields in the same order
 * every time. Issue 23: spreading the converted request into a new object with the connection added (as
 * server.ts did) cost the server 6–12 µs per request on the Basic and Digest success rows, measured
 * side by side: the engine reads these fields many times per request, and only one shape keeps that cheap.
 */
function sandboxRequest(method: string, target: string, headers: HeaderList, body: Uint8Array, on: ArrivedOn): SandboxRequest {
  return { method, target, sentTarget: on.sentTarget, headers, body, connection: on.connection };
}

export async function fromNodeRequest(request: IncomingMessage, on: ArrivedOn = {}): Promise<SandboxRequest | { error: SandboxResponse }> {
  const target = request.url ?? '/';
  if (target.length > MAX_TARGET_LENGTH)
    return { error: problemResponse({ status: 414, detail: `The request-target is longer than ${MAX_TARGET_LENGTH} characters.` }) };
  // The field lines as sent, and the body's framing read from them.
  const raw = request.rawHeaders;
  const headers: HeaderList = [];
  let contentLength: string | undefined;
  let chunked = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const value = raw[i + 1] ?? '';
    headers.push([name, value]);
    if (name.length === 14 && contentLength === undefined && name.toLowerCase() === 'content-length') contentLength = value;
    else if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') chunked = true;
  }
  const declared = Number(contentLength ?? '0');
  if (declared > MAX_BODY_BYTES) return tooLarge();
  // RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no body, and
  // node:http has already ended it; waiting for its stream events would only cost time.
  if (!chunked && declared === 0) return sandboxRequest(request.method ?? 'GET', target, headers, EMPTY_BODY, on);
  const body = await readBody(request);
  if (body === 'too-large') return tooLarge();
  return sandboxRequest(request.method ?? 'GET', target, headers, body, on);
}

/** A sandbox response serialised for writeHead: the flat field list (with the security headers) and the body bytes. */
export type NodeResponse = { status: number; fields: readonly string[]; body: Buffer };

/** writeHead's flat field list for a response whose body is `length` bytes: the security defaults, its own fields, Content-Length. */
function nodeFields(sandbox: SandboxResponse, length: number): string[] {
  const defaults = securityDefaultsFor(sandbox.headers);
  const fields = defaults === SECURITY_HEADERS ? [...SECURITY_FIELDS] : defaults.flatMap(({ key, value }) => [key, value]);
  for (const [name, value] of sandbox.headers) fields.push(name, value);
  // RFC 9110 §8.6: no Content-Length on 204; a 304's would describe the stored response.
  if (sandbox.status !== 204 && sandbox.status !== 304) fields.push('Content-Length', String(length));
  return fields;
}

export function toNodeResponse(sandbox: SandboxResponse): NodeResponse {
  const body = Buffer.from(sandbox.body, 'utf8');
  return { status: sandbox.status, fields: nodeFields(sandbox, body.length), body };
}

const NO_FIELDS: readonly string[] = [];

/** RFC 9110 §9.3.2, §15.3.5, §15.4.5: HEAD, 204 and 304 send no content. */
const sendsNoContent = (method: string, status: number) => method === 'HEAD' || status === 204 || status === 304;

/**
 * Sends a serialised response; HEAD gets the same fields and no content (RFC 9110 §9.3.2). `extra`
 * fields (such as Strict-Transport-Security) go in the same flat list: a field set earlier with
 * setHeader would make writeHead merge by name and send repeated WWW-Authenticate lines as one.
 */
export function sendNodeResponse(response: ServerResponse, prepared: NodeResponse, method: string, extra: readonly string[] = NO_FIELDS): void {
  const noBody = sendsNoContent(method, prepared.status);
  // writeHead keeps the array it is given only while it writes; the prepared one is never changed.
  response.writeHead(prepared.status, (extra.length === 0 ? prepared.fields : [...prepared.fields, ...extra]) as string[]);
  response.end(noBody ? undefined : prepared.body);
}

export function writeNodeResponse(response: ServerResponse, sandbox: SandboxResponse, method: string, extra: readonly string[] = NO_FIELDS): void {
  const length = Buffer.byteLength(sandbox.body, 'utf8');
  // Not ASCII (the UTF-8 is longer than the string): its bytes go through a Buffer.
  if (length !== sandbox.body.length) return sendNodeResponse(response, toNodeResponse(sandbox), method, extra);
  // An ASCII body, as every JSON and problem body the engine writes, goes to end() as a string: node:http
  // then sends head and body in one write, with no Buffer made per response (issue 23). As latin1, never
  // utf8: node:http encodes the head with the body's encoding, and latin1 keeps a field value's bytes
  // 0x80-0xFF one byte each, as the Buffer path does; an ASCII body has the same bytes either way.
  const fields = nodeFields(sandbox, length);
  for (const field of extra) fields.push(field);
  response.writeHead(sandbox.status, fields);
  if (sendsNoContent(method, sandbox.status)) response.end();
  else response.end(sandbox.body, 'latin1');
}

/**
 * A response as bytes, for a socket node:http has let go of: a CONNECT's answer (node:http hands the
 * socket over on CONNECT), after which the lab either reads the next request on it or opens the tunnel.
 */
export function rawResponseBytes(sandbox: SandboxResponse, extra: readonly string[], keepAlive: boolean): Buffer {
  const { status, fields, body } = toNodeResponse(sandbox);
  const all = [...fields, ...extra, 'Date', new Date().toUTCString(), 'Connection', keepAlive ? 'keep-alive' : 'close'];
  let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n`;
  for (let i = 0; i + 1 < all.length; i += 2) head += `${all[i]}: ${all[i + 1]}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]);
}
