import { shellQuote, type SnippetRequest } from './curl';

// An HTTPie command line. Request items use separators (: ; = @ and their combinations) that must
// not be misread in a header value, and HTTPie's own backslash escaping applies before the shell's.

/** Characters HTTPie's item parser treats as separators, and so unescapes after a backslash. */
const SEPARATOR_CHARACTERS = ':;=@';

/**
 * One header item. `Name:value`, except: an empty value needs `Name;` (`Name:` unsets the header);
 * a value starting with = or @ would turn `:` into the `:=` (raw JSON) or `:@` (from a file)
 * separator, so that first character is escaped.
 */
function headerItem(name: string, value: string): string {
  if (value === '') return `${name};`;
  return /^[=@]/.test(value) ? `${name}:\\${value}` : `${name}:${value}`;
}

/** HTTPie drops a backslash that precedes a separator character, and has no escape for one that should stay. */
const losesBackslash = (value: string) => [...SEPARATOR_CHARACTERS].some((char) => value.includes(`\\${char}`));

export function httpieSnippet(request: SnippetRequest): string {
  const body = request.body ?? '';
  const lines: string[] = [];
  const lossy = request.headers.filter(([, value]) => losesBackslash(value)).map(([name]) => name);
  if (lossy.length > 0) {
    lines.push(`# HTTPie removes a backslash that precedes : ; = or @ in a request item, so ${[...new Set(lossy)].join(', ')}`);
    lines.push('# arrives without it. Use curl to send that value exactly.');
  }
  // --print=HhBb shows the request as sent (H, B) and the response (h, b): the whole exchange.
  const parts = ['http', '--print=HhBb'];
  // --raw sends the body exactly as typed; a body starting with "-" must not look like an option.
  if (body !== '') parts.push(body.startsWith('-') ? shellQuote(`--raw=${body}`) : `--raw ${shellQuote(body)}`);
  // "--" ends the options, so a header named like "-x" stays an item rather than an unknown option.
  if (request.headers.some(([name]) => name.startsWith('-'))) parts.push('--');
  parts.push(request.method, shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push(shellQuote(headerItem(name, value)));
  lines.push(parts.join(' '));
  return lines.join('\n');
}
