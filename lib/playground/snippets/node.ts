import type { SnippetRequest } from './curl';
import { basicExpression, jsOriginAuth } from './js-secrets';
import { directUrl, type SnippetAnswer, type SnippetPlan } from './plan';

// A Node 20 script on node:http (or node:https): the one client here that sends the header lines
// exactly as listed, so repeated Authorization lines and Proxy-Authorization (forbidden in browsers,
// facts 27) reach the server as the reader wrote them, and the response's repeated
// WWW-Authenticate lines come back one by one (rawHeaders) instead of merged.

const js = (value: string) => JSON.stringify(value);
const has = (request: SnippetRequest, name: string) => request.headers.some(([key]) => key.toLowerCase() === name.toLowerCase());

/**
 * node:http has no proxy setting. The lab's simulated proxy also reads Proxy-Authorization on a request
 * sent straight to it (lesson 7), so the snippet sends it there, built as the playground's client did.
 */
function proxyLines(answer: SnippetAnswer): { comments: string[]; header?: string } {
  switch (answer.kind) {
    case 'basic':
      return {
        comments: [
          '// node:http has no proxy setting: Proxy-Authorization goes straight to the lab, whose simulated proxy reads it',
          "// (lesson 7), sent at once where the playground's client waited for the 407.",
        ],
        header: `  'Proxy-Authorization', ${basicExpression(answer.secret)},`,
      };
    case 'digest':
      return { comments: ["// node:http has no Digest support, so the lab's proxy answers 407: use the curl snippet (--proxy-digest)."] };
    case 'ntlm':
      return {
        comments: [
          `// node:http has no ${answer.scheme}, whose three legs must share one kept-alive connection, so the lab's proxy answers 407.`,
          '// Use the curl snippet (--proxy-ntlm), or an NTLM client for Node such as httpntlm (npm).',
        ],
      };
    case 'none':
    case 'bearer':
      return { comments: [] };
    default: {
      const never: never = answer;
      return never;
    }
  }
}

export function nodeSnippet(plan: SnippetPlan): string {
  const request: SnippetRequest = { ...plan.request, url: directUrl(plan) };
  const body = request.body ?? '';
  const library = request.url.toLowerCase().startsWith('https:') ? 'https' : 'http';
  const auth = jsOriginAuth(plan.origin, 'node:http');
  const proxy: ReturnType<typeof proxyLines> = plan.proxy ? proxyLines(plan.proxy.answer) : { comments: [] };
  const lines = [`import ${library} from 'node:${library}';`, ''];
  const comments = [...plan.notes.map((note) => `// ${note}`), ...proxy.comments, ...auth.comments];
  lines.push(...comments, ...auth.before, `const url = new URL(${js(request.url)});`);
  if (body !== '') lines.push(`const body = ${js(body)};`);
  // Given an array, Node sends exactly these lines in this order, and adds neither Host nor
  // Content-Length: both are added here unless the reader wrote their own.
  lines.push('const headers = [');
  if (!has(request, 'Host')) lines.push("  'Host', url.host,");
  for (const [name, value] of request.headers) lines.push(`  ${js(name)}, ${js(value)},`);
  if (proxy.header !== undefined) lines.push(proxy.header);
  if (auth.authorization !== undefined) lines.push(`  'Authorization', ${auth.authorization},`);
  if (body !== '' && !has(request, 'Content-Length')) lines.push("  'Content-Length', String(Buffer.byteLength(body)),");
  lines.push(
    '];',
    '',
    `const request = ${library}.request(url, { method: ${js(request.method)}, headers }, (response) => {`,
    '  console.log(response.statusCode, response.statusMessage);',
    '  // rawHeaders keeps every field line: two challenges are two WWW-Authenticate lines.',
    '  for (let i = 0; i < response.rawHeaders.length; i += 2) console.log(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);',
    "  response.setEncoding('utf8');",
    "  let text = '';",
    "  response.on('data', (chunk) => (text += chunk));",
    "  response.on('end', () => console.log(`\\n${text}`));",
    '});',
    "request.on('error', (error) => {",
    '  console.error(error.message);',
    '  process.exitCode = 1;',
    '});',
    body !== '' ? 'request.end(body);' : 'request.end();',
  );
  return lines.join('\n');
}
