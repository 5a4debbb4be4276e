import { methodHasContent } from '../methods';
import { jsOriginAuth } from './js-secrets';
import { directUrl, type SnippetPlan } from './plan';

// A fetch() call a reader can paste into the browser console (or run in Node 20, where fetch is
// global). Browsers differ from other clients in three ways the snippet must say out loud.

/**
 * Forbidden request headers (WHATWG Fetch, "forbidden request-header"): a script setting them is
 * silently ignored (facts 27), so the snippet leaves them out and says so instead of pretending.
 */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

export function isForbiddenRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

const js = (value: string) => JSON.stringify(value);

export function fetchSnippet(plan: SnippetPlan): string {
  const request = { ...plan.request, url: directUrl(plan) };
  const auth = jsOriginAuth(plan.origin, 'fetch');
  const allowed = request.headers.filter(([name]) => !isForbiddenRequestHeader(name));
  const dropped = request.headers.filter(([name]) => isForbiddenRequestHeader(name));
  const body = request.body ?? '';
  const lines: string[] = [];
  const droppedNames = [...new Set(dropped.map(([name]) => name))];
  if (droppedNames.length > 0) {
    const [which, it] =
      droppedNames.length === 1
        ? [`${droppedNames[0]} is a forbidden request header`, 'it']
        : [`${droppedNames.join(', ')} are forbidden request headers`, 'them'];
    lines.push(`// ${which} (Fetch standard): a browser silently drops ${it}`);
    lines.push(`// when a script sets ${it}. Only a real client (curl, Node's http module) can send ${it}, so ${it === 'it' ? 'it is' : 'they are'} left out.`);
  }
  for (const note of plan.notes) lines.push(`// ${note}`);
  if (plan.proxy) {
    lines.push(
      "// fetch has no proxy setting, and cannot send Proxy-Authorization (a forbidden header): the lab's proxy",
      '// answers 407, which a browser turns into a network error (facts 26). Use the curl, Python or Node snippet.',
    );
  }
  lines.push(...auth.comments, ...auth.before);
  if (body !== '' && !methodHasContent(request.method)) {
    lines.push(`// fetch refuses a body on ${request.method} (RFC 9110 §9.3.1: it has no meaning there), so none is sent.`);
  }
  lines.push(`const response = await fetch(${js(request.url)}, {`);
  if (request.method !== 'GET') lines.push(`  method: ${js(request.method)},`);
  if (allowed.length > 0 || auth.authorization !== undefined) {
    // An array of pairs, not an object: it can hold the same name twice (fetch then joins them with ", ").
    lines.push('  headers: [');
    for (const [name, value] of allowed) lines.push(`    [${js(name)}, ${js(value)}],`);
    if (auth.authorization !== undefined) lines.push(`    ['Authorization', ${auth.authorization}],`);
    lines.push('  ],');
  }
  if (body !== '' && methodHasContent(request.method)) lines.push(`  body: ${js(body)},`);
  lines.push(
    "  // 'omit': with credentials, a 401 carrying a Basic or Digest challenge opens the browser's own login",
    '  // dialog and this promise waits until someone dismisses it.',
    "  credentials: 'omit',",
    '});',
    '// fetch resolves on 401, 403 and 407 (it rejects only when no response arrives): check the status.',
    'console.log(response.status, response.statusText);',
    'for (const [name, value] of response.headers) console.log(`${name}: ${value}`);',
    'console.log(await response.text());',
  );
  return lines.join('\n');
}
