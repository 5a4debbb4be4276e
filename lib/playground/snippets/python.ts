import type { HeaderList } from '@/lib/sandbox/message';
import type { SnippetAnswer, SnippetPlan } from './plan';
import { isPrintableAscii, tokenComment, tokenForm, userPassword } from './secrets';

// A Python script with requests. requests keeps request headers in a dict, so it cannot send a field
// twice; the snippet says so rather than silently losing a line the reader added on purpose.

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A Python str literal, like repr(): single quotes unless the text holds ' and no ", backslash
 * escapes for \, the quote, and every control or non-printing character (C0, DEL, C1, NBSP,
 * soft hyphen, line/paragraph separators, lone surrogates), so the source stays one valid line.
 */
export function pythonString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote) out += `\\${quote}`;
    else if (ESCAPES[char] !== undefined) out += ESCAPES[char];
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${code.toString(16)}`;
    else out += char;
  }
  return `${quote}${out}${quote}`;
}

/**
 * Groups repeated names (case-insensitively, as requests' CaseInsensitiveDict would collide them) into
 * one entry with the values joined by ", ", which RFC 9110 §5.3 makes equivalent for list-based fields
 * (not for credentials: two Authorization lines joined are one malformed field).
 */
function mergedHeaders(headers: HeaderList): { entries: HeaderList; repeated: string[] } {
  const entries: HeaderList = [];
  const repeated: string[] = [];
  for (const [name, value] of headers) {
    const existing = entries.find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (!existing) entries.push([name, value]);
    else {
      existing[1] = `${existing[1]}, ${value}`;
      if (!repeated.includes(existing[0])) repeated.push(existing[0]);
    }
  }
  return { entries, repeated };
}

/** RFC 9110 §5.5: leading and trailing whitespace is not part of a field value; requests rejects a leading one. */
const trimmed = (value: string) => value.replace(/^[\t ]+|[\t ]+$/g, '');

/** The proxy URL with its credentials, percent-encoded as userinfo (RFC 3986 §3.2.1): requests reads them from there. */
const proxyWithUser = (url: string, secret: { user: string; password: string }) =>
  url.replace('://', `://${encodeURIComponent(secret.user)}:${encodeURIComponent(secret.password)}@`);

/**
 * requests_ntlm (Debian 12: python3-requests-ntlm 1.1.0) hashes the password with MD4 through hashlib,
 * which OpenSSL 3 keeps in its legacy provider, off by default: without it the script fails with
 * "unsupported hash type md4". The file the comment shows turns both providers on.
 */
const NTLM_COMMENTS = [
  '# pip install requests-ntlm (Debian: apt install python3-requests-ntlm). It runs the three legs on one kept-alive connection.',
  "# NTLM hashes the password with MD4, which OpenSSL 3 keeps in its legacy provider. If this fails with 'unsupported hash",
  "# type md4' (Debian 12), run it with OPENSSL_CONF=/path/to/legacy.cnf, a file that activates the default and legacy providers:",
  '#   openssl_conf = openssl_init',
  '#   [openssl_init]',
  '#   providers = provider_sect',
  '#   [provider_sect]',
  '#   default = default_sect',
  '#   legacy = legacy_sect',
  '#   [default_sect]',
  '#   activate = 1',
  '#   [legacy_sect]',
  '#   activate = 1',
];

/** What requests is given for each hop: an import, arguments, a header computed at run time, lines before the call. */
type PythonAuth = { imports: string[]; before: string[]; comments: string[]; headers: string[]; args: string[] };

function originAuth(answer: SnippetAnswer, auth: PythonAuth) {
  switch (answer.kind) {
    case 'none':
      return;
    case 'basic': {
      const codec = answer.secret.charset === 'UTF-8' ? 'utf-8' : 'latin-1';
      auth.comments.push("# requests sends Basic with the first request, where the playground's client waited for the 401.");
      if (isPrintableAscii(userPassword(answer.secret))) {
        auth.args.push(`auth=(${pythonString(answer.secret.user)}, ${pythonString(answer.secret.password)}),`);
        return;
      }
      auth.imports.push('from requests.auth import HTTPBasicAuth');
      auth.comments.push(`# Bytes, not str: requests encodes a str as ISO-8859-1; these are ${answer.secret.charset} (RFC 7617 §2.1).`);
      auth.args.push(
        `auth=HTTPBasicAuth(${pythonString(answer.secret.user)}.encode(${pythonString(codec)}), ${pythonString(answer.secret.password)}.encode(${pythonString(codec)})),`,
      );
      return;
    }
    case 'digest':
      auth.imports.push('from requests.auth import HTTPDigestAuth');
      if (answer.authInt) auth.comments.push('# qop=auth-int: requests answers only qop=auth (lesson 5), so the lab keeps answering 401.');
      auth.args.push(`auth=HTTPDigestAuth(${pythonString(answer.secret.user)}, ${pythonString(answer.secret.password)}),`);
      return;
    case 'ntlm':
      auth.imports.push('from requests_ntlm import HttpNtlmAuth');
      auth.comments.push(...NTLM_COMMENTS);
      if (answer.scheme === 'Negotiate')
        auth.comments.push('# HttpNtlmAuth answers Negotiate too, with raw NTLM inside (no SPNEGO), which the lab accepts as Windows servers do.');
      auth.args.push(`auth=HttpNtlmAuth(${pythonString(answer.secret.user)}, ${pythonString(answer.secret.password)}),`);
      return;
    case 'bearer': {
      const { token } = answer;
      auth.comments.push(...tokenComment(token).map((line) => `# ${line}`));
      if (token.kind === 'fixed') {
        auth.headers.push(`${pythonString('Authorization')}: ${pythonString(`Bearer ${token.token}`)},`);
        return;
      }
      const form = tokenForm(token).map(([name, value]) => `${pythonString(name)}: ${pythonString(value)}`);
      auth.before.push(
        'issued = requests.post(',
        `    ${pythonString(token.tokenUrl)},`,
        `    auth=(${pythonString(token.client.user)}, ${pythonString(token.client.password)}),`,
        `    data={${form.join(', ')}},`,
        '    timeout=10,',
        ')',
        'issued.raise_for_status()',
        "token = issued.json()['access_token']",
        '',
      );
      auth.headers.push("'Authorization': f'Bearer {token}',");
      return;
    }
    default: {
      const never: never = answer;
      return never;
    }
  }
}

function proxyAuth(proxy: NonNullable<SnippetPlan['proxy']>, auth: PythonAuth) {
  const { answer, url } = proxy;
  switch (answer.kind) {
    case 'basic':
      auth.comments.push('# The lab is the proxy too (lesson 7). requests sends the proxy credentials with the first request, where');
      auth.comments.push("# the playground's client waited for the 407.");
      if (answer.secret.charset === 'UTF-8' && !isPrintableAscii(userPassword(answer.secret)))
        auth.comments.push("# requests encodes proxy credentials as ISO-8859-1, not UTF-8, so the lab's proxy refuses these: use curl.");
      auth.args.push(`proxies={'http': ${pythonString(proxyWithUser(url, answer.secret))}},`);
      return;
    case 'digest':
      auth.comments.push("# requests has no Digest for proxies, so the lab's proxy answers 407: use curl --proxy-digest.");
      auth.args.push(`proxies={'http': ${pythonString(url)}},`);
      return;
    case 'ntlm':
      auth.comments.push(
        `# requests_ntlm answers a server's 401, not a proxy's 407, so the lab's proxy answers 407${answer.scheme === 'NTLM' ? ': use curl --proxy-ntlm' : ''}.`,
      );
      auth.args.push(`proxies={'http': ${pythonString(url)}},`);
      return;
    case 'none':
    case 'bearer':
      return;
    default: {
      const never: never = answer;
      return never;
    }
  }
}

export function pythonSnippet(plan: SnippetPlan): string {
  const { request } = plan;
  const { entries, repeated } = mergedHeaders(request.headers);
  const body = request.body ?? '';
  const auth: PythonAuth = { imports: [], before: [], comments: plan.notes.map((note) => `# ${note}`), headers: [], args: [] };
  if (plan.proxy) proxyAuth(plan.proxy, auth);
  originAuth(plan.origin, auth);
  const lines = ['import requests', ...auth.imports, ''];
  if (repeated.length > 0) {
    lines.push(`# ${repeated.join(', ')} appears more than once: requests keeps headers in a dict, so it merges`);
    lines.push('# the lines into one, values joined with ", ". Use curl or Node to send them as separate lines.');
  }
  if (entries.some(([, value]) => trimmed(value) !== value)) {
    lines.push('# Leading and trailing spaces are not part of a header value (RFC 9110 §5.5), and requests');
    lines.push('# refuses a value that starts with one, so they are trimmed here.');
  }
  lines.push(...auth.comments, ...auth.before);
  lines.push('response = requests.request(', `    ${pythonString(request.method)},`, `    ${pythonString(request.url)},`);
  if (entries.length > 0 || auth.headers.length > 0) {
    lines.push('    headers={');
    for (const [name, value] of entries) lines.push(`        ${pythonString(name)}: ${pythonString(trimmed(value))},`);
    for (const line of auth.headers) lines.push(`        ${line}`);
    lines.push('    },');
  }
  for (const line of auth.args) lines.push(`    ${line}`);
  // Encoded explicitly: http.client would encode a str body as ISO-8859-1 and fail on other characters.
  if (body !== '') lines.push(`    data=${pythonString(body)}.encode('utf-8'),`);
  lines.push(
    '    # A redirect would hide the status you are here to see.',
    '    allow_redirects=False,',
    '    timeout=10,',
    ')',
    'print(response.status_code, response.reason)',
    '# response.headers merges repeated fields; the raw headers keep one line per WWW-Authenticate.',
    'for name, value in response.raw.headers.items():',
    "    print(f'{name}: {value}')",
    'print(response.text)',
  );
  return lines.join('\n');
}
