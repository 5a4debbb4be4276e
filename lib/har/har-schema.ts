import * as z from '@/lib/zod';

// HAR 1.2 (W3C Web Performance WG draft, "HTTP Archive (HAR) format") as recorders actually write it: only
// what the auth reading uses is checked, and almost all of it is optional, because Chromium, Firefox, Safari,
// mitmproxy and Charles each leave out or null different fields. Unknown fields and the `_`-prefixed
// extensions not named here are dropped by the schema. The `cookies`, `queryString` and `postData.params`
// arrays are not read at all: they repeat the Cookie and Set-Cookie lines, the URL and the body, and leaving
// them out means there is one copy of each secret to redact, not two.

/** A value some recorders write as a number or null (Charles: numeric header values; mitmproxy: null). */
const looseText = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));
const looseNumber = z.optional(z.nullable(z.number()));

const nameValue = z.object({ name: z.string(), value: looseText });

export const harPostDataSchema = z.object({
  mimeType: looseText,
  text: looseText,
  /** Only used when `text` is missing (some proxies write a form as params only). */
  params: z.optional(z.nullable(z.array(nameValue))),
});

export const harContentSchema = z.object({
  size: looseNumber,
  mimeType: looseText,
  text: looseText,
  /** HAR 1.2 §content: "base64" when the recorder encoded a binary (or any, for mitmproxy) body. */
  encoding: looseText,
});

export const harRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  httpVersion: looseText,
  headers: z.optional(z.nullable(z.array(nameValue))),
  postData: z.optional(z.nullable(harPostDataSchema)),
});

export const harResponseSchema = z.object({
  status: z.number(),
  statusText: looseText,
  httpVersion: looseText,
  headers: z.optional(z.nullable(z.array(nameValue))),
  content: z.optional(z.nullable(harContentSchema)),
  redirectURL: looseText,
  /** Chromium: why there was no response (net::ERR_…). */
  _error: looseText,
});

export const harEntrySchema = z.object({
  startedDateTime: looseText,
  time: looseNumber,
  request: harRequestSchema,
  response: harResponseSchema,
  timings: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  connection: looseText,
  /** Chromium DevTools and Playwright: document, fetch, xhr, preflight, … */
  _resourceType: looseText,
  /** Chromium: "memory" or "disk" when the response came from the cache; Safari: a boolean. */
  _fromCache: looseText,
});

export type HarEntry = z.infer<typeof harEntrySchema>;

/** The outside of the file: entries are checked one by one (harEntrySchema), so one odd entry costs only itself. */
export const harLogSchema = z.object({
  log: z.object({
    version: looseText,
    creator: z.optional(z.nullable(z.object({ name: looseText, version: looseText }))),
    browser: z.optional(z.nullable(z.object({ name: looseText, version: looseText }))),
    entries: z.array(z.unknown()),
  }),
});
