// RFC 9449 §4.3 step 9: htu matches the request's URI "ignoring any query and fragment parts", and servers
// SHOULD first apply RFC 3986's syntax-based (§6.2.2) and scheme-based (§6.2.3) normalization. Written by
// hand rather than with WHATWG `URL`, which does more than RFC 3986 allows (it percent-encodes, maps
// backslashes to slashes, punycodes hosts) and not all it asks (it keeps %7E encoded).

// RFC 3986 Appendix B: the regular expression that splits any URI reference into its five components.
const COMPONENTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?[^#]*)?(?:#.*)?$/;
// RFC 3986 §2: the characters a URI may hold (unreserved, reserved and '%').
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
// RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

/**
 * The normalized form of an http(s) URI without its query and fragment, or undefined when `uri` is not an
 * absolute http(s) URI (then nothing can match it).
 */
export function normalizeHtu(uri: string): string | undefined {
  if (!URI_CHARS.test(uri)) return undefined;
  const [, scheme, authority, path] = COMPONENTS.exec(uri) ?? [];
  // §6.2.2.1: the scheme is case-insensitive; lower case is the canonical form.
  const lowerScheme = scheme?.toLowerCase();
  if (lowerScheme === undefined || !(lowerScheme in DEFAULT_PORT) || authority === undefined) return undefined;
  const normalAuthority = normalizeAuthority(authority, DEFAULT_PORT[lowerScheme] ?? 0);
  const normalPath = normalizePercent(path ?? '');
  if (normalAuthority === undefined || normalPath === undefined) return undefined;
  // §6.2.3: for http(s), an empty path is "/"; §6.2.2.3: dot-segments removed (§5.2.4).
  return `${lowerScheme}://${normalAuthority}${removeDotSegments(normalPath) || '/'}`;
}

/** RFC 9449 §4.3 step 9: whether a proof's htu names the URI the request was sent to. */
export function htuMatches(htu: string, requestUri: string): boolean {
  const a = normalizeHtu(htu);
  return a !== undefined && a === normalizeHtu(requestUri);
}

function normalizeAuthority(authority: string, defaultPort: number): string | undefined {
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? undefined : normalizePercent(authority.slice(0, at));
  const hostPort = authority.slice(at + 1);
  // An IP-literal is bracketed and holds colons of its own (§3.2.2); the port follows its ']'.
  const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
  if (hostPort.startsWith('[') && close === -1) return undefined;
  const colon = hostPort.indexOf(':', close + 1);
  const rawHost = colon === -1 ? hostPort : hostPort.slice(0, colon);
  const rawPort = colon === -1 ? '' : hostPort.slice(colon + 1);
  const percentHost = normalizePercent(rawHost);
  if (percentHost === undefined || percentHost === '' || !/^\d*$/.test(rawPort) || (at !== -1 && userinfo === undefined)) return undefined;
  // §6.2.2.1: the host is case-insensitive (lower case is canonical), but not the hex of a percent-encoding.
  const host = percentHost.replace(/%[0-9A-F]{2}|[^%]+/g, (part) => (part.startsWith('%') ? part : part.toLowerCase()));
  // §6.2.3: a port that is empty or the scheme's default is left out, with its ':'. §3.2.3: it is a decimal
  // number, so leading zeros say nothing (kept as digits: Number() would write a huge one as 1e+21).
  const digits = rawPort.replace(/^0+(?=\d)/, '');
  const port = digits === '' || digits === String(defaultPort) ? '' : `:${digits}`;
  return `${userinfo === undefined ? '' : `${userinfo}@`}${host}${port}`;
}

/**
 * §6.2.2.1 and §6.2.2.2: percent-encodings of unreserved characters are decoded, the others written with
 * upper-case hex. Undefined when a '%' does not start a valid triplet.
 */
function normalizePercent(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
    const decoded = String.fromCharCode(parseInt(hex, 16));
    out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** RFC 3986 §5.2.4: remove_dot_segments, step by step as the RFC writes it. */
function removeDotSegments(path: string): string {
  let input = path;
  let output = '';
  while (input.length > 0) {
    if (input.startsWith('../')) input = input.slice(3);
    else if (input.startsWith('./')) input = input.slice(2);
    else if (input.startsWith('/./')) input = input.slice(2);
    else if (input === '/.') input = '/';
    else if (input.startsWith('/../') || input === '/..') {
      input = `/${input.slice(input === '/..' ? 3 : 4)}`;
      output = output.slice(0, Math.max(0, output.lastIndexOf('/')));
    } else if (input === '.' || input === '..') input = '';
    else {
      const next = input.indexOf('/', 1);
      const end = next === -1 ? input.length : next;
      output += input.slice(0, end);
      input = input.slice(end);
    }
  }
  return output;
}
