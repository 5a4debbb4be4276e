// Raw HTTP/1.1 over a socket, for requests fetch and node:http refuse to send (bare CR/LF, two Host
// fields, absolute-form targets, bytes that are not HTTP) and for reading a response head exactly as
// the server wrote it. One request per connection: send it with `Connection: close`.
import net from 'node:net';

/** What came back: the status line's code, the head's lines after the status line, and the body. */
export type RawAnswer = { status: number; headLines: string[]; body: string; raw: string };

/** A final (non-1xx) response as its framing delimits it: the head's lines after the status line, and the body bytes. */
export type FramedAnswer = { status: number; headLines: string[]; body: Buffer };

const TIMEOUT_MS = 5_000;
const shown = (bytes: Buffer, limit: number) => JSON.stringify(bytes.subarray(0, limit).toString('latin1'));

/**
 * Writes `bytes` to a fresh connection to `base` and collects what comes back: `settle` is asked after
 * every chunk and when the connection ends (closed), and the first answer it gives is the result; an
 * error it throws is the failure. A connection error fails too, unless `resetEnds` (then it ends the
 * answer like a close). A hang fails after 5 s. `write`, not `end`: node:http aborts a half-closed
 * request before it is answered.
 */
function exchange<T>(base: string, bytes: Buffer, settle: (received: Buffer, closed: boolean) => T | undefined, resetEnds = false): Promise<T> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() => reject(new Error(`no complete answer within ${TIMEOUT_MS / 1000} s to ${shown(bytes, 200)}; got: ${shown(Buffer.concat(chunks), 300)}`))),
      TIMEOUT_MS,
    );
    const ask = (closed: boolean) => {
      try {
        const answer = settle(Buffer.concat(chunks), closed);
        if (answer !== undefined) finish(() => resolve(answer));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      ask(false);
    });
    socket.on('close', () => ask(true));
    socket.on('error', (error) => {
      if (settled) return;
      if (resetEnds) ask(true);
      finish(() => reject(new Error(`the connection failed (${error.message}) after ${shown(Buffer.concat(chunks), 300)}`)));
    });
    socket.write(bytes);
  });
}

/**
 * Sends `bytes` as they are and reads until the server closes the connection (so a server that keeps it
 * open fails, after 5 s); the answer is the first head and everything after it. A connection closed
 * without a head fails too.
 */
export function sendBytes(base: string, bytes: Buffer | string): Promise<RawAnswer> {
  const payload = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  return exchange(base, payload, (received, closed) => {
    if (!closed) return undefined;
    const raw = received.toString('latin1');
    const end = raw.indexOf('\r\n\r\n');
    if (end === -1) throw new Error(`the server closed the connection without an answer: ${JSON.stringify(raw.slice(0, 300))}`);
    const [statusLine = '', ...headLines] = raw.slice(0, end).split('\r\n');
    return {
      status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
      headLines,
      body: Buffer.from(raw.slice(end + 4), 'latin1').toString('utf8'),
      raw,
    };
  });
}

/**
 * The first final (non-1xx) response in `raw`, once its framing (Content-Length, chunked, no body for
 * HEAD, 204 and 304) says it is complete; a body delimited by the connection closing is complete when
 * `closed`. Throws when the bytes are not an HTTP response.
 */
export function framedResponse(raw: Buffer, method: string, closed: boolean): FramedAnswer | undefined {
  let offset = 0;
  for (;;) {
    const end = raw.indexOf('\r\n\r\n', offset, 'latin1');
    if (end === -1) return undefined;
    const [statusLine = '', ...headLines] = raw.subarray(offset, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
    if (Number.isNaN(status)) throw new Error(`not an HTTP response: ${shown(raw.subarray(offset), 200)}`);
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      offset = bodyStart;
      continue;
    }
    const field = (name: string) =>
      headLines
        .find((line) => line.slice(0, line.indexOf(':')).toLowerCase() === name)
        ?.slice(name.length + 1)
        .trim();
    if (method === 'HEAD' || status === 204 || status === 304) return { status, headLines, body: Buffer.alloc(0) };
    const length = field('content-length');
    if (length !== undefined) {
      const size = Number(length);
      return raw.length - bodyStart >= size ? { status, headLines, body: raw.subarray(bodyStart, bodyStart + size) } : undefined;
    }
    if (/chunked/i.test(field('transfer-encoding') ?? '')) {
      const chunks: Buffer[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = raw.indexOf('\r\n', at, 'latin1');
        if (lineEnd === -1) return undefined;
        const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
        if (size === 0) return raw.indexOf('\r\n\r\n', lineEnd, 'latin1') === -1 ? undefined : { status, headLines, body: Buffer.concat(chunks) };
        if (raw.length < lineEnd + 2 + size + 2) return undefined;
        chunks.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    // Delimited by close: complete when the connection ends.
    return closed ? { status, headLines, body: raw.subarray(bodyStart) } : undefined;
  }
}

/**
 * Sends `bytes` (a `method` request) and resolves with the first final response as soon as its framing
 * says it is complete, whether or not the server then closes the connection; a connection that ends
 * first must at least have carried a whole head (its body is then what came).
 */
export function sendRequestBytes(base: string, bytes: Buffer, method: string): Promise<FramedAnswer> {
  return exchange(
    base,
    bytes,
    (received, closed) => {
      const answer = framedResponse(received, method, closed);
      if (answer || !closed) return answer;
      const end = received.indexOf('\r\n\r\n', 0, 'latin1');
      if (end === -1) throw new Error(`the server closed the connection without an answer (${received.length} bytes)`);
      const head = framedResponse(received.subarray(0, end + 4), 'HEAD', true);
      if (!head) throw new Error('unreadable answer');
      return { ...head, body: received.subarray(end + 4) };
    },
    true,
  );
}
