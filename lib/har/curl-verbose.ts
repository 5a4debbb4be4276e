import { type Block, readBlocks, sourceLines, statusOf } from '@/lib/explain/message';
import type { Finding } from '@/lib/explain/types';
import type { HeaderList, RecordedExchange, RecordingRead } from './exchange';

// `curl -v` output (stderr, often with the body on stdout between) read into the same exchanges as a HAR.
// The line reading is "Explain this response"'s (lib/explain/message.ts: `> ` request lines, `< ` response
// lines, folds, field lines); this file pairs each request with the response that answered it, and keeps
// curl's `* ` lines (connections, redirects it follows, the auth it chose) as notes. Never throws.

const INFO = /^\* ?(.*)$/;
const FOLLOW = /Issue another request to this URL: '([^']+)'/;
const TLS = /^(?:SSL connection|TLS|ALPN)|SSL certificate|using HTTP\/2|\[HTTP\/2\]/;
const MARKER = /^(?:[*<>{}](?: |$))/;
// curl 7: "Connected to host (ip) port 80 (#0)", "Re-using existing connection #0 with host"; curl 8 drops the number.
const CONNECTED = /^Connected to .*?(?:\(#(\d+)\))?$/;
const REUSED = /^Re-using existing (?:\w+: )?connection(?: #(\d+))?/;

type Item = { kind: 'request' | 'response'; line: number; block: Block } | { kind: 'info'; line: number; text: string };

const headerList = (block: Block): HeaderList => block.fields.map((f) => [f.name, f.value]);

/** RFC 9112 §3.2: origin-form target and Host make the URL; `absolute` when the client sent absolute-form (a proxy). */
function requestUrl(target: string, headers: HeaderList, https: boolean, follow: string | undefined): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target;
  const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? 'localhost';
  const built = `${https ? 'https' : 'http'}://${host}${target}`;
  // curl -L said which URL it requests next; trust it when it agrees with the request line.
  if (follow && follow.endsWith(target)) return follow;
  return built;
}

/** The body curl printed after a response head: the lines up to the next `*`, `>` or `<` line. */
function bodyAfter(lines: string[], block: Block): string | undefined {
  // 0-based index just past the head's last line (a folded field ends on its lastLine).
  let i = block.fields[block.fields.length - 1]?.lastLine ?? block.start?.line ?? 0;
  while (i < lines.length && /^<\s*$/.test(lines[i] ?? '')) i++;
  const out: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (MARKER.test(line)) break;
    out.push(line);
  }
  const text = out.join('\n');
  return text.trim() === '' ? undefined : text;
}

function items(text: string): { items: Item[]; lines: string[] } {
  const findings: Finding[] = [];
  const { incoming, outgoing } = sourceLines(text);
  const out: Item[] = [];
  for (const block of readAll(outgoing, findings)) if (block.kind === 'request' && block.start) out.push({ kind: 'request', line: block.start.line, block });
  for (const block of readAll(incoming, findings)) if (block.kind === 'response' && block.start) out.push({ kind: 'response', line: block.start.line, block });
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const info = INFO.exec(line);
    if (info && line.startsWith('*')) out.push({ kind: 'info', line: i + 1, text: (info[1] ?? '').trim() });
  });
  out.sort((a, b) => a.line - b.line);
  return { items: out, lines };
}

/** readBlocks stops at the first line that is no start line after a blank one: curl's `>` lines never have one, so read on from there. */
function readAll(lines: ReturnType<typeof sourceLines>['incoming'], findings: Finding[]): Block[] {
  const blocks: Block[] = [];
  let rest = lines;
  while (rest.length > 0) {
    const { blocks: found } = readBlocks(rest, findings, false);
    if (found.length === 0) break;
    blocks.push(...found);
    const lastLine = Math.max(...found.map((b) => b.fields[b.fields.length - 1]?.lastLine ?? b.start?.line ?? 0));
    const next = rest.filter((l) => l.line > lastLine);
    if (next.length === rest.length) break;
    rest = next;
  }
  return blocks;
}

/**
 * curl writes the body to stdout and the rest to stderr; in a terminal (or `2>&1`) the last body often comes
 * after curl's closing `*` lines. Text after the last marked line belongs to the last response without a body.
 */
function attachTrailingBody(exchanges: RecordedExchange[], lines: string[], all: Item[]): void {
  const last = exchanges[exchanges.length - 1];
  const lastMarked = all[all.length - 1]?.line;
  if (!last || last.response.body || lastMarked === undefined) return;
  const after = lines.slice(lastMarked).filter((line) => !MARKER.test(line));
  const text = after.join('\n');
  if (text.trim() === '') return;
  const mimeType = last.response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  last.response.body = { kind: 'text', mimeType, text: text.replace(/\n+$/, '') };
}

/** Reads `curl -v` output. Never throws. */
export function parseCurlVerbose(text: string): RecordingRead {
  const input = typeof text === 'string' ? text : '';
  const { items: all, lines } = items(input);
  const exchanges: RecordedExchange[] = [];
  let pending: { block: Block; url: string; notes: string[]; connection: string | undefined } | undefined;
  let notes: string[] = [];
  let https = false;
  let follow: string | undefined;
  let connection: string | undefined;
  let opened = 0;
  for (const item of all) {
    if (item.kind === 'info') {
      notes.push(item.text);
      const connected = CONNECTED.exec(item.text);
      if (connected) connection = `#${connected[1] ?? opened}`;
      if (connected) opened++;
      const reused = REUSED.exec(item.text);
      if (reused?.[1] !== undefined) connection = `#${reused[1]}`;
      if (TLS.test(item.text)) https = true;
      const next = FOLLOW.exec(item.text)?.[1];
      if (next) follow = next;
      continue;
    }
    if (item.kind === 'request') {
      const start = item.block.start?.text ?? '';
      const [, target = '/'] = start.split(/ +/);
      pending = {
        block: item.block,
        url: requestUrl(target, headerList(item.block), https || follow?.startsWith('https:') === true, follow),
        notes,
        connection,
      };
      notes = [];
      follow = undefined;
      continue;
    }
    const status = item.block.start ? statusOf(item.block.start) : undefined;
    // RFC 9110 §15.2: 1xx responses are interim; the final response follows on the same request.
    if (!status || !pending || status.status < 200) continue;
    const [method = 'GET', , version = ''] = (pending.block.start?.text ?? '').split(/ +/);
    const body = bodyAfter(lines, item.block);
    const headers = headerList(item.block);
    const locationValue = headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
    let redirectUrl: string | undefined;
    if (locationValue !== undefined && status.status >= 300 && status.status < 400) {
      try {
        redirectUrl = new URL(locationValue, pending.url).href;
      } catch {
        redirectUrl = locationValue;
      }
    }
    const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    exchanges.push({
      index: exchanges.length,
      request: { method, url: pending.url, httpVersion: version, headers: headerList(pending.block), pseudoHeaders: [] },
      response: {
        status: status.status,
        statusText: status.reason,
        httpVersion: status.version,
        headers,
        pseudoHeaders: [],
        ...(body !== undefined ? { body: { kind: 'text' as const, mimeType: contentType, text: body } } : {}),
        ...(redirectUrl ? { redirectUrl } : {}),
      },
      meta: { ...(pending.notes.length > 0 ? { notes: pending.notes } : {}), ...(pending.connection ? { connection: pending.connection } : {}) },
    });
    pending = undefined;
  }
  attachTrailingBody(exchanges, lines, all);
  if (exchanges.length === 0) {
    return {
      kind: 'unreadable',
      format: 'curl-verbose',
      expected: 'curl -v output: request lines starting with "> " (GET /path HTTP/1.1) and the response lines starting with "< " (HTTP/1.1 401 …)',
      where: all.length === 0 ? 'line 1' : `line ${all[0]?.line ?? 1}`,
      message:
        all.some((i) => i.kind === 'request') && !all.some((i) => i.kind === 'response')
          ? 'A request was found but no response to it: paste the "< " lines too.'
          : 'No request line with its response was found. Paste the whole output of curl -v, the "> " and "< " lines included.',
    };
  }
  return { kind: 'recording', source: { format: 'curl-verbose', creator: 'curl' }, exchanges, warnings: [] };
}
