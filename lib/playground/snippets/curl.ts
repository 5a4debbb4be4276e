import type { HeaderList } from '@/lib/sandbox/message';
import type { SnippetAnswer, SnippetPassword, SnippetPlan } from './plan';
import { isPrintableAscii, tokenComment, tokenForm, userPassword } from './secrets';

// A curl command line for a request: the same request model the playground and the lessons use.

export type SnippetRequest = { method: string; url: string; headers: HeaderList; body?: string };

/** POSIX shell single quoting: the only character needing care inside '...' is ' itself. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `extra`: options placed before the headers (credentials, proxy), already quoted. */
export function curlCommand(request: SnippetRequest, extra: string[] = []): string {
  const parts = ['curl', '-i', ...extra];
  const hasBody = request.body !== undefined && request.body !== '';
  // curl infers GET, or POST from --data; name any other method explicitly.
  if (!(request.method === 'GET' || (request.method === 'POST' && hasBody))) parts.push('-X', request.method);
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (hasBody) parts.push('--data-raw', shellQuote(request.body ?? ''));
  parts.push(shellQuote(request.url));
  return parts.join(' ');
}

/**
 * curl sends -u's bytes as the shell hands them over. For ISO-8859-1, printf writes those bytes from
 * octal escapes, so the command is the same whatever the terminal's encoding.
 */
function curlUserArgument(secret: SnippetPassword, comments: string[]): string {
  const pair = userPassword(secret);
  if (isPrintableAscii(pair)) return shellQuote(pair);
  if (secret.charset === 'UTF-8') {
    comments.push('# curl sends the bytes the shell gives it: UTF-8 from a UTF-8 terminal, as charset="UTF-8" asks (RFC 7617 §2.1).');
    return shellQuote(pair);
  }
  comments.push("# ISO-8859-1, as the playground's client encodes: printf writes those bytes, whatever the terminal uses.");
  const format = [...pair]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '%') return '%%';
      if (char === '\\') return '\\\\';
      return code >= 0x20 && code < 0x7f ? char : `\\${code.toString(8).padStart(3, '0')}`;
    })
    .join('');
  return `"$(printf ${shellQuote(format)})"`;
}

/** curl's options for one hop's answer; for a proxy, `-x` itself comes from the caller. */
function answerOptions(answer: SnippetAnswer, hop: 'origin' | 'proxy', comments: string[], steps: string[], asksFirst: string[]): string[] {
  const proxy = hop === 'proxy';
  switch (answer.kind) {
    case 'none':
      return [];
    case 'basic':
      asksFirst.push(proxy ? '--proxy-anyauth' : '--anyauth');
      return [proxy ? '--proxy-anyauth' : '--anyauth', proxy ? '--proxy-user' : '-u', curlUserArgument(answer.secret, comments)];
    case 'digest':
      if (answer.authInt) comments.push('# qop=auth-int: curl 7.88 hashes an empty body even when it sends one (lesson 5), so a POST with a body gets 401.');
      return [proxy ? '--proxy-digest' : '--digest', proxy ? '--proxy-user' : '-u', curlUserArgument({ ...answer.secret, charset: 'UTF-8' }, comments)];
    case 'ntlm':
      if (answer.scheme === 'Negotiate') {
        comments.push(
          "# curl's --negotiate uses GSS-API (Kerberos) and never -u's password: without a ticket it cannot answer, and the lab speaks",
          '# only NTLM inside Negotiate, so this ends with the 401. The Python snippet (requests_ntlm) sends NTLM inside Negotiate.',
        );
        return [proxy ? '--proxy-negotiate' : '--negotiate', proxy ? '--proxy-user' : '-u', ':'];
      }
      comments.push(
        `# ${proxy ? '--proxy-ntlm' : '--ntlm'}: curl sends the NEGOTIATE, reads the CHALLENGE in the ${proxy ? '407' : '401'} and answers with the AUTHENTICATE,`,
        '# all on one kept-alive connection: NTLM authenticates the connection, not the request.',
      );
      return [proxy ? '--proxy-ntlm' : '--ntlm', proxy ? '--proxy-user' : '-u', curlUserArgument({ ...answer.secret, charset: 'UTF-8' }, comments)];
    case 'bearer': {
      const { token } = answer;
      for (const line of tokenComment(token)) comments.push(`# ${line}`);
      if (token.kind === 'fixed') return ['-H', shellQuote(`Authorization: Bearer ${token.token}`)];
      const form = tokenForm(token).flatMap(([name, value]) => ['--data-urlencode', shellQuote(`${name}=${value}`)]);
      // The token is a JWT (base64url and dots), so a sed expression can lift it out of the JSON.
      steps.push(
        `TOKEN=$(curl -s -u ${shellQuote(userPassword(token.client))} ${form.join(' ')} ${shellQuote(token.tokenUrl)} | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')`,
      );
      return ['-H', '"Authorization: Bearer $TOKEN"'];
    }
    default: {
      const never: never = answer;
      return never;
    }
  }
}

export function curlSnippet(plan: SnippetPlan): string {
  const comments = plan.notes.map((note) => `# ${note}`);
  const steps: string[] = [];
  const extra: string[] = [];
  const asksFirst: string[] = [];
  if (plan.proxy) {
    comments.push('# -x: the lab is the proxy too, and answers the request itself (lesson 7).');
    extra.push('-x', shellQuote(plan.proxy.url), ...answerOptions(plan.proxy.answer, 'proxy', comments, steps, asksFirst));
  }
  extra.push(...answerOptions(plan.origin, 'origin', comments, steps, asksFirst));
  if (asksFirst.length > 0)
    comments.push(`# ${asksFirst.join(' and ')}: curl asks without credentials first, then answers the challenge, as the playground's client does.`);
  return [...comments, ...steps, curlCommand(plan.request, extra)].join('\n');
}
