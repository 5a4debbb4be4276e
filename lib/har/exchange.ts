import type { HeaderList } from '@/lib/sandbox/message';

// One recorded request and its response, whichever recorder wrote it (a browser's HAR, a proxy's HAR, curl -v).
// Headers stay an ordered list of [name, value] lines: a response repeats WWW-Authenticate, a Set-Cookie
// line per cookie, and merging them would hide exactly what a diagnosis needs (RFC 9110 §5.3).

export type { HeaderList };

/** A message body as recorded: text (after base64 was decoded, when it was text), or only its size. */
export type RecordedBody =
  | { kind: 'text'; mimeType: string; text: string }
  /**
   * Not kept: binary, or text no auth diagnosis reads (scripts, stylesheets) ('not-auth-text'), too large, or left
   * out by the recorder. What is known of it.
   */
  | { kind: 'omitted'; mimeType: string; size?: number; reason: 'binary' | 'not-auth-text' | 'too-large' | 'not-recorded' };

export type RecordedRequest = {
  method: string;
  /** Absolute URL (HAR), or rebuilt from the request-target and Host (curl -v). */
  url: string;
  /** As recorded: `HTTP/1.1`, `HTTP/2`, `h3`; '' when the recorder did not say. */
  httpVersion: string;
  /** Field lines in order, HTTP/2 pseudo-header fields (`:authority`) left out: they are in `pseudoHeaders`. */
  headers: HeaderList;
  /** RFC 9113 §8.3 pseudo-header fields, as Chromium and mitmproxy record them for HTTP/2. */
  pseudoHeaders: HeaderList;
  body?: RecordedBody;
};

export type RecordedResponse = {
  /** 0 when no response arrived (Chromium and Firefox record a blocked or failed request so). */
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderList;
  pseudoHeaders: HeaderList;
  body?: RecordedBody;
  /** Where a 3xx pointed: HAR's redirectURL, else Location. */
  redirectUrl?: string;
};

/** What the recorder added beyond HTTP: the underscore extensions of HAR and curl's `*` lines. */
export type RecordedMeta = {
  /** Chromium's `_resourceType` (document, fetch, preflight, …) or Firefox's `_cause`-free guess. */
  resourceType?: string;
  /** Chromium's `connection` id, Safari's and mitmproxy's too: requests sharing one went on one TCP connection. */
  connection?: string;
  /** The recorder's error for a request that got no response (`_error`: net::ERR_…). */
  error?: string;
  /** Served from the browser's cache, not the network. */
  fromCache?: boolean;
  /** curl's `*` lines between this request and the next, as curl wrote them. */
  notes?: string[];
};

export type RecordedExchange = {
  /** Position in the recording, from 0: the order the recorder wrote. */
  index: number;
  /** Unix milliseconds the request started, when the recorder gave a readable time. */
  startedAt?: number;
  /** Milliseconds until the response was complete; undefined when the recorder gave only -1. */
  durationMs?: number;
  request: RecordedRequest;
  response: RecordedResponse;
  meta: RecordedMeta;
};

/** Who wrote the recording, from HAR's creator (or curl). */
export type RecordingSource = { format: 'har' | 'curl-verbose'; creator?: string; version?: string; browser?: string };

/** A problem that did not stop the reading: the entry or line it concerns, and what was wrong. */
export type ReadWarning = { where: string; message: string };

export type RecordingRead =
  | { kind: 'recording'; source: RecordingSource; exchanges: RecordedExchange[]; warnings: ReadWarning[] }
  /** Not a recording this library reads: what it expected, where the input broke, in words. */
  | { kind: 'unreadable'; format: 'har' | 'curl-verbose' | 'unknown'; expected: string; where: string; message: string };
