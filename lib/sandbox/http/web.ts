import type { HeaderList, SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { securityDefaultsFor } from './security-fields';
import { MAX_BODY_BYTES, MAX_TARGET_LENGTH } from '../limits';

// The Fetch API adapter (Next route handlers under `next dev`). The Fetch Headers object joins
// repeated fields with ", " (facts 6), so server.ts, not this adapter, serves production traffic.

export async function fromWebRequest(request: Request): Promise<SandboxRequest | { error: SandboxResponse }> {
  const url = new URL(request.url);
  const target = `${url.pathname}${url.search}`;
  if (target.length > MAX_TARGET_LENGTH)
    return { error: problemResponse({ status: 414, detail: `The request-target is longer than ${MAX_TARGET_LENGTH} characters.` }) };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return { error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) };
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) return { error: problemResponse({ status: 413, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }) };
  const headers: HeaderList = [...request.headers.entries()];
  return { method: request.method, target, headers, body };
}

export function toWebResponse(response: SandboxResponse, method: string): Response {
  const headers = new Headers();
  for (const { key, value } of securityDefaultsFor(response.headers)) headers.append(key, value);
  for (const [name, value] of response.headers) headers.append(name, value);
  const noBody = method === 'HEAD' || response.status === 204 || response.status === 304;
  return new Response(noBody ? null : response.body, { status: response.status, headers });
}
