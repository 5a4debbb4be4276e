// Raw HTTP/1.1 over a socket, for requests fetch and node:http refuse to send (bare CR/LF, two Host
// fields, absolute-form targets, bytes that are not HTTP) and for reading a response head exactly as
// the server wrote it. One request per connection: send it with `Connection: close`.
import net from 'node:net';

/** What came back: the status line's code, the head's lines after the status line, and the body. */
export type RawAnswer = { status: number; headLines: string[]; body: string; raw: string };

/**
 * Writes `bytes` as they are to a fresh connection to `base` and reads until the server closes it; a
 * hang fails after 5 s, a connection closed without a head fails too. `write`, not `end`: node:http
 * aborts a half-closed request before it is answered.
 */
export function sendBytes(base: string, bytes: Buffer | string): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  const payload = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within 5 s to ${JSON.stringify(payload.subarray(0, 200).toString('latin1'))}; got: ${JSON.stringify(Buffer.concat(chunks).toString('latin1'))}`));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`the connection failed (${error.message}) after ${JSON.stringify(Buffer.concat(chunks).toString('latin1'))}`));
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const end = raw.indexOf('\r\n\r\n');
      if (end === -1) return reject(new Error(`the server closed the connection without an answer: ${JSON.stringify(raw.slice(0, 300))}`));
      const [statusLine = '', ...headLines] = raw.slice(0, end).split('\r\n');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headLines, body: Buffer.from(raw.slice(end + 4), 'latin1').toString('utf8'), raw });
    });
    socket.write(payload);
  });
}
