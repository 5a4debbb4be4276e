import { shellQuote } from './curl';
import type { SnippetAnswer, SnippetPlan } from './plan';
import { basicToken68, isPrintableAscii, tokenComment, tokenForm, userPassword } from './secrets';

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

/** HTTPie's options and extra items for the origin's answer (HTTPie uses requests underneath, and sends credentials at once). */
function originAuth(answer: SnippetAnswer, lines: string[], options: string[], items: string[]) {
  switch (answer.kind) {
    case 'none':
      return;
    case 'basic': {
      lines.push("# HTTPie sends Basic with the first request, where the playground's client waited for the 401.");
      if (answer.secret.charset === 'UTF-8' || isPrintableAscii(userPassword(answer.secret))) {
        options.push('-a', shellQuote(userPassword(answer.secret)));
        return;
      }
      // HTTPie's -a encodes UTF-8; the ISO-8859-1 bytes go in as a ready-made field (RFC 7617 §2.1).
      lines.push("# ISO-8859-1, as the playground's client encodes: HTTPie's -a would send UTF-8, so the field is written out.");
      items.push(shellQuote(`Authorization:Basic ${basicToken68(answer.secret) ?? ''}`));
      return;
    }
    case 'digest':
      if (answer.authInt) lines.push('# qop=auth-int: HTTPie answers only qop=auth (it uses requests), so the lab keeps answering 401.');
      options.push('-A', 'digest', '-a', shellQuote(userPassword(answer.secret)));
      return;
    case 'ntlm':
      lines.push(
        answer.scheme === 'NTLM'
          ? '# HTTPie has no NTLM of its own (the httpie-ntlm plugin adds -A ntlm), so this sends no credentials and the lab answers 401.'
          : '# HTTPie has no Negotiate of its own, so this sends no credentials and the lab answers 401. Use the Python snippet (requests_ntlm).',
      );
      return;
    case 'bearer': {
      const { token } = answer;
      for (const line of tokenComment(token)) lines.push(`# ${line}`);
      if (token.kind === 'fixed') {
        options.push('-A', 'bearer', '-a', shellQuote(token.token));
        return;
      }
      const form = tokenForm(token).map(([name, value]) => shellQuote(`${name}=${value}`));
      // The token is a JWT (base64url and dots), so a sed expression can lift it out of the JSON.
      lines.push(
        `TOKEN=$(http --ignore-stdin --pretty=none --body --form -a ${shellQuote(userPassword(token.client))} POST ${shellQuote(token.tokenUrl)} ${form.join(' ')} | sed -n 's/.*"access_token": *"\\([^"]*\\)".*/\\1/p')`,
      );
      options.push('-A', 'bearer', '-a', '"$TOKEN"');
      return;
    }
    default: {
      const never: never = answer;
      return never;
    }
  }
}

/** --proxy with the credentials in its userinfo (percent-encoded, RFC 3986 §3.2.1): HTTPie (requests) sends Basic from there. */
function proxyOption(proxy: NonNullable<SnippetPlan['proxy']>, lines: string[], options: string[]) {
  const { answer, url } = proxy;
  lines.push('# --proxy: the lab is the proxy too, and answers the request itself (lesson 7).');
  if (answer.kind === 'basic') {
    const user = `${encodeURIComponent(answer.secret.user)}:${encodeURIComponent(answer.secret.password)}@`;
    if (answer.secret.charset === 'UTF-8' && !isPrintableAscii(userPassword(answer.secret)))
      lines.push("# HTTPie (requests) encodes proxy credentials as ISO-8859-1, not UTF-8, so the lab's proxy refuses these: use curl.");
    options.push(shellQuote(`--proxy=http:${url.replace('://', `://${user}`)}`));
  } else {
    if (answer.kind === 'digest') lines.push("# HTTPie has no Digest for proxies, so the lab's proxy answers 407: use curl --proxy-digest.");
    if (answer.kind === 'ntlm')
      lines.push(`# HTTPie has no ${answer.scheme} for proxies, so the lab's proxy answers 407${answer.scheme === 'NTLM' ? ': use curl --proxy-ntlm' : ''}.`);
    options.push(shellQuote(`--proxy=http:${url}`));
  }
}

export function httpieSnippet(plan: SnippetPlan): string {
  const { request } = plan;
  const body = request.body ?? '';
  const lines: string[] = plan.notes.map((note) => `# ${note}`);
  const options: string[] = [];
  const items: string[] = [];
  if (plan.proxy) proxyOption(plan.proxy, lines, options);
  originAuth(plan.origin, lines, options, items);
  const lossy = request.headers.filter(([, value]) => losesBackslash(value)).map(([name]) => name);
  if (lossy.length > 0) {
    lines.push(`# HTTPie removes a backslash that precedes : ; = or @ in a request item, so ${[...new Set(lossy)].join(', ')}`);
    lines.push('# arrives without it. Use curl to send that value exactly.');
  }
  // --print=HhBb shows the request as sent (H, B) and the response (h, b): the whole exchange.
  const parts = ['http', '--print=HhBb', ...options];
  // --raw sends the body exactly as typed; a body starting with "-" must not look like an option.
  if (body !== '') parts.push(body.startsWith('-') ? shellQuote(`--raw=${body}`) : `--raw ${shellQuote(body)}`);
  // "--" ends the options, so a header named like "-x" stays an item rather than an unknown option.
  if (request.headers.some(([name]) => name.startsWith('-'))) parts.push('--');
  parts.push(request.method, shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push(shellQuote(headerItem(name, value)));
  parts.push(...items);
  lines.push(parts.join(' '));
  return lines.join('\n');
}
