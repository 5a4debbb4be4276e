// server.ts's hook to change a page's <head> as Next writes it, used for the per-request oEmbed
// discovery <link> (lib/site/oembed-discovery.ts). Next sends the prerendered page for any query, so
// the change has to happen on the way out. Bytes are held only until </head>; the rest streams through.
import type http from 'node:http';

/** Most bytes held while waiting for </head>: past this the page goes out unchanged. */
const MAX_HEAD_BYTES = 256 * 1024;
const HEAD_END = Buffer.from('</head>');

type Callback = (error?: Error | null) => void;

/**
 * Makes `response` pass its HTML head through `rewrite`. Call before Next handles the request, and
 * take Accept-Encoding off the request first: Next's gzip would otherwise hand over compressed bytes.
 * Content-Length is dropped (the length changes; node:http then sends chunked), except for non-HTML.
 */
export function rewriteHtmlHead(response: http.ServerResponse, rewrite: (head: string) => string): void {
  const write = response.write.bind(response) as (chunk: Buffer, callback?: Callback) => boolean;
  const end = response.end.bind(response) as (chunk?: Buffer, callback?: () => void) => http.ServerResponse;
  const setHeader = response.setHeader.bind(response);
  let held: Buffer[] = [];
  let heldBytes = 0;
  let passing = false;
  let length: number | string | readonly string[] | undefined;

  const isHtml = () => /^text\/html\b/i.test(String(response.getHeader('content-type') ?? ''));
  /** What is held, rewritten when it is an HTML head, as one buffer; from now on bytes pass straight through. */
  const release = (): Buffer => {
    passing = true;
    const bytes = Buffer.concat(held);
    held = [];
    if (!isHtml()) {
      if (length !== undefined && !response.headersSent) setHeader('Content-Length', length);
      return bytes;
    }
    const at = bytes.indexOf(HEAD_END);
    if (at < 0) return bytes;
    // Up to </head> is whole characters (it ends before an ASCII "<"), so decoding it is safe.
    return Buffer.concat([Buffer.from(rewrite(bytes.subarray(0, at).toString('utf8')), 'utf8'), bytes.subarray(at)]);
  };
  const toBuffer = (chunk: unknown, encoding: unknown): Buffer =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);

  response.setHeader = (name, value) => {
    if (!passing && name.toLowerCase() === 'content-length') {
      length = value;
      return response;
    }
    return setHeader(name, value);
  };
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = (typeof encoding === 'function' ? encoding : callback) as Callback | undefined;
    if (passing) return write(toBuffer(chunk, encoding), done);
    const bytes = toBuffer(chunk, encoding);
    held.push(bytes);
    heldBytes += bytes.length;
    if (bytes.includes(HEAD_END) || heldBytes > MAX_HEAD_BYTES) return write(release(), done);
    if (done) process.nextTick(done);
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function') as (() => void) | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding));
    if (passing) {
      const rest = Buffer.concat(held);
      return rest.length > 0 ? end(rest, done) : end(undefined, done);
    }
    const bytes = release();
    return bytes.length > 0 ? end(bytes, done) : end(undefined, done);
  }) as typeof response.end;
}
