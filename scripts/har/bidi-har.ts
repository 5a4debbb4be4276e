import * as z from 'zod';

// A HAR in Firefox's dialect assembled from a real Firefox session's WebDriver BiDi network events
// (https://w3c.github.io/webdriver-bidi/#module-network): Firefox's own HAR export lives in its DevTools panel,
// which cannot be driven headless, but BiDi reports every request and response with its header lines in order
// (repeated lines kept). A request Firefox answered itself (401, then the retry with Authorization) is two
// beforeRequestSent events with one id: each becomes an entry, the 401 closed by network.authRequired.
// BiDi does not give bodies here, so `content` has only the type and size, as a HAR saved without them.

const bidiHeader = z.object({ name: z.string(), value: z.object({ type: z.string(), value: z.string() }) });
const timings = z.object({ requestTime: z.number(), requestStart: z.number(), responseStart: z.number(), responseEnd: z.number() }).partial();
const request = z.object({ request: z.string(), url: z.string(), method: z.string(), headers: z.array(bidiHeader), timings: timings.optional() });
const response = z.object({
  status: z.number(),
  statusText: z.string(),
  protocol: z.string().optional(),
  headers: z.array(bidiHeader),
  mimeType: z.string().optional(),
  content: z.object({ size: z.number().nullable().optional() }).optional(),
  bytesReceived: z.number().optional(),
});
const event = z.object({ context: z.string(), timestamp: z.number(), request, response: response.optional(), errorText: z.string().optional() });
export type BidiEvent = { name: string; params: unknown };

const harHeaders = (headers: z.infer<typeof bidiHeader>[]) => headers.map((h) => ({ name: h.name, value: h.value.value }));
const httpVersion = (protocol: string | undefined) => (protocol ? protocol.toUpperCase() : '');
const ms = (n: number) => Math.max(0, Math.round(n * 1000) / 1000);

/** Firefox's HAR 1.2 dialect (its exporter's field names and order) from the events of one browsing context. */
export function harFromBidi(events: BidiEvent[], context: string, firefoxVersion: string) {
  const open = new Map<string, { sent: z.infer<typeof event> }>();
  const entries: unknown[] = [];
  for (const { name, params } of events) {
    const parsed = event.safeParse(params);
    if (!parsed.success || parsed.data.context !== context) continue;
    const e = parsed.data;
    const id = e.request.request;
    if (name === 'network.beforeRequestSent') {
      open.set(id, { sent: e });
      continue;
    }
    const start = open.get(id);
    if (!start || !['network.authRequired', 'network.responseCompleted', 'network.fetchError'].includes(name)) continue;
    open.delete(id);
    const t = e.request.timings ?? {};
    const wait = t.responseStart && t.requestStart ? ms(t.responseStart - t.requestStart) : -1;
    const receive = t.responseEnd && t.responseStart ? ms(t.responseEnd - t.responseStart) : -1;
    const res = e.response;
    entries.push({
      startedDateTime: new Date(start.sent.request.timings?.requestTime ?? start.sent.timestamp).toISOString(),
      request: {
        bodySize: 0,
        method: start.sent.request.method,
        url: start.sent.request.url,
        httpVersion: httpVersion(res?.protocol),
        headers: harHeaders(start.sent.request.headers),
        cookies: [],
        queryString: [...new URL(start.sent.request.url).searchParams].map(([n, v]) => ({ name: n, value: v })),
        headersSize: -1,
      },
      response: res
        ? {
            status: res.status,
            statusText: res.statusText,
            httpVersion: httpVersion(res.protocol),
            headers: harHeaders(res.headers),
            cookies: [],
            content: { mimeType: res.mimeType ?? '', size: res.content?.size ?? -1 },
            redirectURL: res.headers.find((h) => h.name.toLowerCase() === 'location')?.value.value ?? '',
            headersSize: -1,
            bodySize: res.bytesReceived ?? -1,
          }
        : {
            status: 0,
            statusText: '',
            httpVersion: '',
            headers: [],
            cookies: [],
            content: { mimeType: '', size: 0 },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
          },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive },
      time: wait >= 0 && receive >= 0 ? ms(wait + receive) : -1,
      _securityState: start.sent.request.url.startsWith('https:') ? 'secure' : 'insecure',
      ...(e.errorText ? { _error: e.errorText } : {}),
    });
  }
  return {
    log: {
      version: '1.2',
      creator: { name: 'Firefox', version: firefoxVersion },
      browser: { name: 'Firefox', version: firefoxVersion },
      comment: 'Assembled from WebDriver BiDi network events of a real Firefox session by scripts/har/record-fixtures.ts',
      pages: [],
      entries,
    },
  };
}
