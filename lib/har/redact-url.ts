import type { Redactor } from './redactor';
import { isSecretName } from './secret-names';

// Secrets in a URL: a password in the userinfo (RFC 3986 §3.2.1 calls that use deprecated), and codes and
// tokens in the query or fragment (RFC 6749 §4.1.2, §4.2.2; RFC 6750 §2.3). The rest of the URL is kept as
// written, so the reader still sees which endpoint was called with which parameters.

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** `a=1&access_token=…` with the secret values replaced; `where` names the URL for the redaction list. */
function redactParams(params: string, redactor: Redactor, where: string, part: 'query' | 'fragment'): string {
  return params
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = decode(pair.slice(0, eq));
      const raw = pair.slice(eq + 1);
      if (!isSecretName(name) || raw === '') return pair;
      const value = decode(raw);
      return `${pair.slice(0, eq + 1)}${redactor.hideValue(value, name, `${where}, ${part} parameter ${name}`, [raw])}`;
    })
    .join('&');
}

/** A URL (absolute or a request-target) with its secrets replaced. Not a URL parser: it splits at the first ? and #. */
export function redactUrl(url: string, redactor: Redactor, where: string): string {
  let rest = url;
  let fragment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | undefined;
  const question = rest.indexOf('?');
  if (question >= 0) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  // scheme://user:password@host
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)([^/@]*)@/i.exec(rest);
  if (userinfo && userinfo[2]) {
    const password = userinfo[2];
    rest = `${userinfo[1]}${redactor.hideValue(decode(password), 'password', `${where}, password in the URL`, [password])}@${rest.slice(userinfo[0].length)}`;
  }
  return (
    rest +
    (query !== undefined ? `?${redactParams(query, redactor, where, 'query')}` : '') +
    (fragment !== undefined ? `#${fragment.includes('=') ? redactParams(fragment, redactor, where, 'fragment') : fragment}` : '')
  );
}
