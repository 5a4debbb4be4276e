import { isProxyCase } from './case-command';
import type { StartedCase } from './run-api';

// Playing a run's cases with the page's own browser as the client under test: each case URL requested
// with fetch, credentials: 'include', so the browser's own HTTP authentication (its login dialog, its
// cache of credentials) answers the challenge, as it would for any page. What the page learns is only the
// last status or a network error; what the browser actually sent is what the lab recorded in the run.

export type BrowserOutcome = { kind: 'answered'; status: number } | { kind: 'network-error'; message: string };

export async function requestCase(c: StartedCase): Promise<BrowserOutcome> {
  try {
    const response = await fetch(c.url, {
      method: c.request.method,
      body: c.request.body,
      credentials: 'include',
      cache: 'no-store',
      redirect: 'follow',
    });
    // Read the body, so the connection is free for the next case (NTLM's handshake is per connection).
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'answered', status: response.status };
  } catch (error) {
    return { kind: 'network-error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A network error in words, with the reason a browser is known to have for it (content/browser-facts.yaml). */
export function networkErrorWords(c: Pick<StartedCase, 'group'>, message: string): string {
  const why = isProxyCase(c)
    ? ' Chromium turns a 407 from a server that is not its configured proxy into a network error (ERR_UNEXPECTED_PROXY_AUTH); Firefox hands the 407 to the page.'
    : '';
  return `The browser reported a network error (${message}).${why}`;
}
