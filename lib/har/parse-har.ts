import * as z from '@/lib/zod';
import { recordedBody } from './body';
import type { HeaderList, ReadWarning, RecordedExchange, RecordingRead, RecordingSource } from './exchange';
import { type HarEntry, harEntrySchema, harLogSchema } from './har-schema';
import { jsonErrorOffset, lineColumn } from './json-error';
import { describeIssue } from './zod-issue';

// HAR 1.2 in, RecordedExchange[] out. One JSON.parse and one pass over the entries, each checked on its
// own, so the work grows with the file (a 50 MB HAR is read in one go inside a Web Worker) and one odd entry
// becomes a warning instead of losing the file. Never throws: what is not a HAR is said in words.

export type HarReadOptions = {
  /** Called every `progressEvery` entries and at the end: entries read so far, and how many there are. */
  onProgress?: (read: number, total: number) => void;
  progressEvery?: number;
};

const EXPECTED = 'a HAR file: a JSON object whose "log" has an "entries" array (HAR 1.2, as a browser\'s DevTools or a proxy saves it)';

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** HTTP/2 pseudo-header fields (RFC 9113 §8.3) apart from the field lines; joined lines split again. */
function splitHeaders(list: HarEntry['request']['headers']): { headers: HeaderList; pseudoHeaders: HeaderList } {
  const headers: HeaderList = [];
  const pseudoHeaders: HeaderList = [];
  for (const { name, value } of list ?? []) {
    const into = name.startsWith(':') ? pseudoHeaders : headers;
    const line = text(value);
    // Firefox joins repeated lines of one field (WWW-Authenticate, Set-Cookie) with a newline, which no field
    // value may contain (RFC 9110 §5.5): split them back into the lines that were received.
    if (line.includes('\n')) for (const part of line.split(/\r?\n/)) into.push([name, part]);
    else into.push([name, line]);
  }
  return { headers, pseudoHeaders };
}

/** HAR 1.2 timings: -1 means "does not apply"; `time` is their sum, or -1/missing in some recorders. */
function duration(entry: HarEntry): number | undefined {
  if (typeof entry.time === 'number' && entry.time >= 0) return entry.time;
  const parts = Object.entries(entry.timings ?? {})
    .filter(([name, ms]) => name !== 'ssl' && !name.startsWith('_') && typeof ms === 'number' && ms >= 0)
    .map(([, ms]) => ms as number);
  return parts.length > 0 ? parts.reduce((sum, ms) => sum + ms, 0) : undefined;
}

function location(headers: HeaderList, base: string): string | undefined {
  const value = headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (value === undefined) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** The form body when a recorder wrote only `params` (HTML §4.10.21.8 application/x-www-form-urlencoded). */
function postText(postData: NonNullable<HarEntry['request']['postData']>): string | undefined {
  if (postData.text !== undefined && postData.text !== null) return text(postData.text);
  if (!postData.params?.length) return undefined;
  return new URLSearchParams(postData.params.map((p) => [p.name, text(p.value)])).toString();
}

function toExchange(entry: HarEntry, index: number): RecordedExchange {
  const { request, response } = entry;
  const req = splitHeaders(request.headers);
  const res = splitHeaders(response.headers);
  const started = entry.startedDateTime ? Date.parse(text(entry.startedDateTime)) : NaN;
  const durationMs = duration(entry);
  const redirect = text(response.redirectURL);
  const redirectUrl = redirect !== '' ? redirect : response.status >= 300 && response.status < 400 ? location(res.headers, request.url) : undefined;
  const requestBody = request.postData ? recordedBody(request.postData.mimeType, postText(request.postData), undefined) : undefined;
  const content = response.content;
  const responseBody = content ? recordedBody(content.mimeType, content.text, content.encoding, content.size) : undefined;
  const fromCache = entry._fromCache;
  return {
    index,
    ...(Number.isFinite(started) ? { startedAt: started } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    request: { method: request.method, url: request.url, httpVersion: text(request.httpVersion), ...req, ...(requestBody ? { body: requestBody } : {}) },
    response: {
      status: response.status,
      statusText: text(response.statusText),
      httpVersion: text(response.httpVersion),
      ...res,
      ...(responseBody ? { body: responseBody } : {}),
      ...(redirectUrl ? { redirectUrl } : {}),
    },
    meta: {
      ...(entry._resourceType ? { resourceType: text(entry._resourceType) } : {}),
      ...(entry.connection !== undefined && entry.connection !== null && entry.connection !== '' ? { connection: text(entry.connection) } : {}),
      ...(response._error ? { error: text(response._error) } : {}),
      ...(fromCache === true || (typeof fromCache === 'string' && fromCache !== '') ? { fromCache: true } : {}),
    },
  };
}

function unreadable(where: string, message: string): RecordingRead {
  return { kind: 'unreadable', format: 'har', expected: EXPECTED, where, message };
}

function parseJson(input: string): { ok: true; value: unknown } | { ok: false; read: RecordingRead } {
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch {
    // Engines word the error differently, and V8 often without a position: find it ourselves.
    const where = lineColumn(input, jsonErrorOffset(input));
    return { ok: false, read: unreadable(where, `This is not valid JSON: it breaks at ${where}. A HAR file is JSON; was it cut short or edited?`) };
  }
}

/** Reads a HAR (text, or the bytes of the file). Never throws. */
export function parseHar(input: string | Uint8Array, options: HarReadOptions = {}): RecordingRead {
  const body = typeof input === 'string' ? input : new TextDecoder().decode(input);
  // A UTF-8 byte order mark: Charles and Fiddler write one.
  const json = parseJson(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  if (!json.ok) return json.read;
  const outside = z.safeParse(harLogSchema, json.value);
  if (!outside.success) {
    const { where, message } = describeIssue('', outside.error.issues);
    return unreadable(where || 'the top level', `This JSON is not a HAR: at ${where || 'the top level'}, ${message}.`);
  }
  const { log } = outside.data;
  const source: RecordingSource = {
    format: 'har',
    ...(log.creator?.name ? { creator: text(log.creator.name) } : {}),
    ...(log.creator?.version ? { version: text(log.creator.version) } : {}),
    ...(log.browser?.name ? { browser: `${text(log.browser.name)} ${text(log.browser.version)}`.trim() } : {}),
  };
  const exchanges: RecordedExchange[] = [];
  const warnings: ReadWarning[] = [];
  const total = log.entries.length;
  const every = Math.max(1, options.progressEvery ?? 500);
  log.entries.forEach((raw, i) => {
    const entry = z.safeParse(harEntrySchema, raw);
    if (entry.success) exchanges.push(toExchange(entry.data, i));
    else {
      const { where, message } = describeIssue(`log.entries[${i}]`, entry.error.issues);
      warnings.push({ where, message: `Entry ${i + 1} was skipped: ${message}.` });
    }
    if ((i + 1) % every === 0) options.onProgress?.(i + 1, total);
  });
  options.onProgress?.(total, total);
  if (total > 0 && exchanges.length === 0) {
    const first = warnings[0];
    return unreadable(first?.where ?? 'log.entries', `No entry of this HAR could be read. The first problem: ${first?.message ?? 'unknown'}`);
  }
  return { kind: 'recording', source, exchanges, warnings };
}
