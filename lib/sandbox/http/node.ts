import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '@/lib/site/security-headers.mjs';
import type { HeaderList, SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { MAX_BODY_BYTES, MAX_TARGET_LENGTH } from './limits';

// The node:http adapter used by server.ts. rawHeaders keeps every field line in order, and
// writeHead with a flat array sends repeated WWW-Authenticate lines as separate lines.

/** The security headers as writeHead's flat [name, value, ...] list; they never change. */
const SECURITY_FIELDS: readonly string[] = securityHeaders().flatMap(({ key, value }) => [key, value]);

const EMPTY_BODY = new Uint8Array(0);

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
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

const tooLarge = () => ({ error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) });

export async function fromNodeRequest(request: IncomingMessage): Promise<SandboxRequest | { error: SandboxResponse }> {
  const target = request.url ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return { error: problemResponse({ status: 414, detail: `The request-target is longer than ${MAX_TARGET_LENGTH} characters.` }) };
  // The field lines as sent, and the body's framing read from them (not from request.headers, which
  // node:http builds lazily on first access: a cost the sandbox does not need to pay).
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
  if (!chunked && declared === 0) return { method: request.method ?? 'GET', target, headers, body: EMPTY_BODY };
  const body = await readBody(request);
  if (body === 'too-large') return tooLarge();
  return { method: request.method ?? 'GET', target, headers, body };
}

export function writeNodeResponse(response: ServerResponse, sandbox: SandboxResponse, method: string): void {
  const body = Buffer.from(sandbox.body, 'utf8');
  const noBody = method === 'HEAD' || sandbox.status === 204 || sandbox.status === 304;
  const flat = [...SECURITY_FIELDS];
  for (const [name, value] of sandbox.headers) flat.push(name, value);
  if (sandbox.status !== 204 && sandbox.status !== 304) flat.push('Content-Length', String(body.length));
  response.writeHead(sandbox.status, flat);
  response.end(noBody ? undefined : body);
}
