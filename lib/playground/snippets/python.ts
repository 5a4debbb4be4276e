import type { HeaderList } from '@/lib/sandbox/message';
import type { SnippetRequest } from './curl';

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

export function pythonSnippet(request: SnippetRequest): string {
  const { entries, repeated } = mergedHeaders(request.headers);
  const body = request.body ?? '';
  const lines = ['import requests', ''];
  if (repeated.length > 0) {
    lines.push(`# ${repeated.join(', ')} appears more than once: requests keeps headers in a dict, so it merges`);
    lines.push('# the lines into one, values joined with ", ". Use curl or Node to send them as separate lines.');
  }
  if (entries.some(([, value]) => trimmed(value) !== value)) {
    lines.push('# Leading and trailing spaces are not part of a header value (RFC 9110 §5.5), and requests');
    lines.push('# refuses a value that starts with one, so they are trimmed here.');
  }
  lines.push('response = requests.request(', `    ${pythonString(request.method)},`, `    ${pythonString(request.url)},`);
  if (entries.length > 0) {
    lines.push('    headers={');
    for (const [name, value] of entries) lines.push(`        ${pythonString(name)}: ${pythonString(trimmed(value))},`);
    lines.push('    },');
  }
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
