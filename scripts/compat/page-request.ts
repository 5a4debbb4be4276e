import type { Lab, LabCase } from './adapter';

// How a browser column of the matrix makes a case's request, the way a page makes it (chromium.ts,
// firefox-esr.ts): a plain GET is a navigation, so the browser's own credential handling (its login
// dialog, its redirects, its proxy) decides everything; a case with a method or a body is a page's
// fetch() with credentials: 'include' from a page on the lab's origin, as /clients/test does
// (lib/clients/browser-run.ts); a case with a token is a page script setting Authorization: Bearer, since
// a browser's login dialog cannot send one (it asks for a user name and a password).

export type PageRequest =
  { kind: 'navigation'; url: string } | { kind: 'fetch'; url: string; init: { method: string; body?: string; headers: Record<string, string> }; from: string };

/** A page on the lab's origin to fetch from: small, public, and not a case URL (it adds nothing to the run). */
export const labPage = (lab: Lab) => `${lab.origin}/robots.txt`;

export function pageRequest(c: LabCase, lab: Lab): PageRequest {
  const { token } = c.credentials;
  if (token === undefined && c.request.method === 'GET' && c.request.body === undefined) return { kind: 'navigation', url: c.url };
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return { kind: 'fetch', url: c.url, init: { method: c.request.method, body: c.request.body, headers }, from: labPage(lab) };
}

/** What the page saw: the final status, or the network error the browser gave it. */
export type PageOutcome = { kind: 'status'; status: number } | { kind: 'network-error'; message: string };

/**
 * The script the page runs for a fetch request, as a string so the driver sends it as written (a function
 * would be serialized after the TypeScript transform, helpers and all). The same fetch as
 * lib/clients/browser-run.ts's requestCase, plus the Bearer header when the case has a token.
 */
export function fetchScript(request: Extract<PageRequest, { kind: 'fetch' }>): string {
  const init = { ...request.init, credentials: 'include', cache: 'no-store', redirect: 'follow' };
  return `(async () => {
  try {
    const response = await fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init)});
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'status', status: response.status };
  } catch (error) {
    return { kind: 'network-error', message: String(error && error.message ? error.name + ': ' + error.message : error) };
  }
})()`;
}

/** The first half of a note: how the request was made. */
export function requestWords(request: PageRequest): string {
  if (request.kind === 'navigation') return 'Navigated to the case URL';
  const bearer = request.init.headers.Authorization ? ', Authorization: Bearer set by the script' : '';
  return `A page on the lab's origin fetched the case URL (${request.init.method}, credentials: 'include'${bearer})`;
}

export function outcomeWords(outcome: PageOutcome): string {
  return outcome.kind === 'status' ? `ended with status ${outcome.status}` : `ended in a network error (${outcome.message})`;
}
