import { shellQuote } from '@/lib/playground/snippets/curl';
import type { StartedCase } from './run-api';

// The curl command line for one case of a run, configured as a user would configure curl (and as
// tests/http/compat-run-curl.test.ts drives it): the case's credentials, --anyauth so curl waits for the
// challenge and picks a scheme itself, -L to follow redirects, and the lab as the proxy for the 407 cases.

/** A case that opens with 407 expects the client to treat the lab as its proxy (RFC 9110 §15.5.8). */
export function isProxyCase(c: Pick<StartedCase, 'group'>): boolean {
  return c.group === 'proxy';
}

export function caseCurlCommand(c: StartedCase): string {
  const { username, password, token } = c.credentials;
  const parts = ['curl', '-i', '-L'];
  // Bearer: curl has no way to wait for the challenge (RFC 6750 §2.1), so the token goes on every request.
  if (token !== undefined) parts.push('-H', shellQuote(`Authorization: Bearer ${token}`));
  else parts.push('--anyauth', '-u', shellQuote(`${username}:${password}`));
  if (isProxyCase(c)) parts.push('-x', shellQuote(new URL(c.url).origin), '--proxy-anyauth', '-U', shellQuote(`${username}:${password}`));
  const hasBody = c.request.body !== undefined;
  // curl infers GET, or POST from a body; -X HEAD would wait for a body that never comes, -I does not.
  if (c.request.method === 'HEAD') parts.push('-I');
  else if (!(c.request.method === 'GET' || (c.request.method === 'POST' && hasBody))) parts.push('-X', c.request.method);
  if (hasBody) parts.push('--data-binary', shellQuote(c.request.body ?? ''));
  parts.push(shellQuote(c.url));
  return parts.join(' ');
}
