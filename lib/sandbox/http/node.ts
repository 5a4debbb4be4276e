import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '@/lib/site/security-headers.mjs';
import type { HeaderList, SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { MAX_BODY_BYTES, MAX_TARGET_LENGTH } from './limits';

// The node:http adapter used by server.ts. rawHeaders keeps every field line in order, and
// writeHead with a flat array sends repeated WWW-Authenticate lines as separate lines.

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

export async function fromNodeRequest(request: IncomingMessage): Promise<SandboxRequest | { error: SandboxResponse }> {
  const target = request.url ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return { error: problemResponse({ status: 414, detail: `The request-target is longer than ${MAX_TARGET_LENGTH} characters.` }) };
  if (Number(request.headers['content-length'] ?? '0') > MAX_BODY_BYTES) {
    return { error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) };
  }
  const headers: HeaderList = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '']);
  const body = await readBody(request);
  if (body === 'too-large') return { error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) };
  return { method: request.method ?? 'GET', target, headers, body };
}

export function writeNodeResponse(response: ServerResponse, sandbox: SandboxResponse, method: string): void {
  const body = Buffer.from(sandbox.body, 'utf8');
  const noBody = method === 'HEAD' || sandbox.status === 204 || sandbox.status === 304;
  const flat: string[] = [];
  for (const { key, value } of securityHeaders()) flat.push(key, value);
  for (const [name, value] of sandbox.headers) flat.push(name, value);
  if (sandbox.status !== 204 && sandbox.status !== 304) flat.push('Content-Length', String(body.length));
  response.writeHead(sandbox.status, flat);
  response.end(noBody ? undefined : body);
}
