// The site reading one of its own resources over its loopback listener (lib/site/download-origin.ts,
// selfOrigin): only ever a path on this server, never an address a request names.
import { selfOrigin } from '@/lib/site/download-origin';

/**
 * GET `url`, asked for again once on a network error: a kept-alive connection the server closes as the
 * request leaves fails with "other side closed" (RFC 9112 §9.3.1: a client may retry an idempotent
 * request on a new connection). The export scripts download from the server they start the same way.
 */
export async function getRetryingOnce(url: URL | string): Promise<Response> {
  try {
    return await fetch(url, { cache: 'no-store' });
  } catch {
    return fetch(url, { cache: 'no-store', headers: { connection: 'close' } });
  }
}

/** The text of `resourcePath` on this server. */
export async function fetchOwnText(resourcePath: string, origin: string = selfOrigin()): Promise<string> {
  if (!resourcePath.startsWith('/') || resourcePath.startsWith('//')) throw new Error(`${resourcePath} is not a path on this server`);
  const url = new URL(resourcePath, origin);
  const response = await getRetryingOnce(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.text();
}
