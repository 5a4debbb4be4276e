// The site reading one of its own resources over its loopback listener (lib/site/download-origin.ts,
// selfOrigin): only ever a path on this server, never an address a request names.
import { selfOrigin } from '@/lib/site/download-origin';

/**
 * The text of `resourcePath` on this server, asked for again once on a network error: a kept-alive
 * connection the server closes as the request leaves fails with "other side closed" (RFC 9112 §9.3.1: a
 * client may retry an idempotent request on a new connection).
 */
export async function fetchOwnText(resourcePath: string, origin: string = selfOrigin()): Promise<string> {
  if (!resourcePath.startsWith('/') || resourcePath.startsWith('//')) throw new Error(`${resourcePath} is not a path on this server`);
  const url = new URL(resourcePath, origin);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    response = await fetch(url, { cache: 'no-store', headers: { connection: 'close' } });
  }
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.text();
}
