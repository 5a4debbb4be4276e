// The lab's real sandbox router behind a fetch for jsdom, so the proof builder's component tests talk to
// the same authorization server and DPoP resource as the browser does, in-process. jsdom has no WebCrypto,
// TextEncoder, structuredClone or fetch: Node's are put in place, with a TextEncoder whose bytes belong to the test's realm
// (jose checks `instanceof Uint8Array`, and Node's encoder makes them in another realm).
import { webcrypto } from 'node:crypto';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import v8 from 'node:v8';

class RealmTextEncoder {
  readonly encoding = 'utf-8';
  encode(text = ''): Uint8Array {
    return new Uint8Array(new NodeTextEncoder().encode(text));
  }
}

export function installWebPlatform(): void {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
  Object.assign(globalThis, {
    TextEncoder: RealmTextEncoder,
    TextDecoder: NodeTextDecoder,
    structuredClone: (value: unknown) => v8.deserialize(v8.serialize(value)),
  });
}

export type LabCall = { method: string; url: string; headers: [string, string][] };

/** A fetch that answers from `routeSandboxRequest`, follows redirects when asked, and records each request. */
export async function labFetch(calls: LabCall[]): Promise<typeof fetch> {
  const { routeSandboxRequest, isSandboxPath } = await import('@/lib/sandbox/routes/router');
  const { createSandboxContext } = await import('@/lib/sandbox/context');
  const ctx = createSandboxContext({ secret: new RealmTextEncoder().encode('a-component-test-secret-of-32-bytes!') });
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    let url = new URL(String(input), window.location.href);
    let method = init.method ?? 'GET';
    let headers = (init.headers ?? []) as [string, string][];
    let body = typeof init.body === 'string' ? init.body : '';
    for (let hops = 0; ; hops++) {
      calls.push({ method, url: url.href, headers });
      if (!isSandboxPath(url.pathname)) return answer(200, [['Content-Type', 'text/html']], '<!doctype html><title>Playground</title>', url, hops > 0);
      const { response } = await routeSandboxRequest(
        { method, target: `${url.pathname}${url.search}`, headers: [['Host', url.host], ...headers], body: new RealmTextEncoder().encode(body) },
        ctx,
      );
      const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
      if (init.redirect !== 'follow' || location === undefined || response.status < 300 || response.status > 399 || hops > 5)
        return answer(response.status, response.headers, response.body, url, hops > 0);
      // RFC 9110 §15.4.4: after a 303 the browser asks for the new URL with GET.
      url = new URL(location, url);
      method = 'GET';
      headers = [];
      body = '';
    }
  }) as typeof fetch;
}

function answer(status: number, fields: [string, string][], body: string, url: URL, redirected: boolean): Response {
  const headers = new Headers();
  for (const [name, value] of fields) headers.append(name, value);
  return { status, headers, url: url.href, redirected, text: async () => body } as unknown as Response;
}
