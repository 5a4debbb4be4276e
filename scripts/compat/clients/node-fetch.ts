import { isProxyCase, type ClientAdapter } from '../adapter';

// Node's fetch (undici, built into Node) has no HTTP authentication of its own: it never answers a
// challenge, and refuses a URL with user:password in it. What its users write is an Authorization header
// on every request: Basic with base64 of user:password in UTF-8 (Buffer's default), or Bearer with the
// token. Redirects are followed (redirect: 'follow', the default); the Fetch standard has it drop
// Authorization when the redirect leaves the origin. Node 20's fetch has no proxy setting (undici's
// ProxyAgent is a separate package this project does not use), so the 407 cases reach the lab directly,
// as they would for a user of plain fetch. Runs in the runner's own process.

export const nodeFetch: ClientAdapter = {
  id: 'node-fetch',
  name: 'Node.js fetch (undici)',
  configuration:
    'fetch(url, { method, body, headers: { Authorization } }) with Basic base64(user:password) sent at once (fetch answers no challenge), or Bearer for a token; redirects followed; no proxy (Node 20 fetch has no proxy option).',
  version: async () => `Node.js ${process.version}, undici ${process.versions.undici ?? 'unknown'}`,
  async run(c) {
    const { username, password, token } = c.credentials;
    const authorization = token ? `Bearer ${token}` : `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
    const proxied = isProxyCase(c) ? ' No proxy was set: Node 20 fetch has none.' : '';
    try {
      const response = await fetch(c.url, {
        method: c.request.method,
        body: c.request.body,
        headers: { Authorization: authorization },
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return { note: `fetch ended with status ${response.status}.${proxied}` };
    } catch (error) {
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { note: `fetch rejected (${cause}).${proxied}` };
    }
  },
};
