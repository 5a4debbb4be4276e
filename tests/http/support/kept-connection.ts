// One TCP connection to the lab, kept open across requests written by hand, for what only a connection
// shows: NTLM's legs bound to it, a CONNECT tunnel opened on it, the lab closing it. Each `send` writes raw
// bytes and resolves with the next complete answer (support/http-stream.ts reads its framing).
import net from 'node:net';
import { readResponse, type TappedResponse } from './http-stream';

export type KeptConnection = {
  /** Writes `bytes` and resolves with the next final answer; fails after 5 s, or when the lab closes first. */
  send: (bytes: string | Buffer, method?: string) => Promise<TappedResponse>;
  /** Resolves once the lab has closed the connection; fails after 5 s. */
  closed: () => Promise<void>;
  destroy: () => void;
  /** The socket itself, for a test that writes in pieces (then `send` an empty buffer to read the answer). */
  socket: net.Socket;
};

const TIMEOUT_MS = 5_000;

/** Opens a connection to `host`:`port` (the lab's, unless a test points elsewhere). */
export function keepConnection(base: string): Promise<KeptConnection> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let buffer = Buffer.alloc(0);
    let ended = false;
    let waiting: { method: string; resolve: (answer: TappedResponse) => void; reject: (error: Error) => void } | undefined;
    const closeWaiters: Array<() => void> = [];
    const settle = () => {
      if (!waiting) return;
      const next = readResponse(buffer, 0, waiting.method);
      if (next) {
        buffer = buffer.subarray(next.end);
        const { resolve: done } = waiting;
        waiting = undefined;
        done(next.response);
      } else if (ended) {
        const { reject: fail } = waiting;
        waiting = undefined;
        fail(new Error(`the lab closed the connection before a complete answer: ${JSON.stringify(buffer.subarray(0, 300).toString('latin1'))}`));
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      settle();
    });
    socket.on('close', () => {
      ended = true;
      settle();
      for (const waiter of closeWaiters.splice(0)) waiter();
    });
    socket.on('error', () => socket.destroy());
    socket.once('connect', () =>
      resolve({
        send: (bytes, method = 'GET') =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => {
              waiting = undefined;
              fail(new Error(`no complete answer within ${TIMEOUT_MS / 1000} s; got ${JSON.stringify(buffer.subarray(0, 300).toString('latin1'))}`));
            }, TIMEOUT_MS);
            waiting = {
              method,
              resolve: (answer) => {
                clearTimeout(timer);
                done(answer);
              },
              reject: (error) => {
                clearTimeout(timer);
                fail(error);
              },
            };
            // An answer may be here already (one to a pipelined request, written with an earlier send).
            settle();
            if (waiting && !ended) socket.write(bytes);
          }),
        closed: () =>
          new Promise((done, fail) => {
            if (ended) return done();
            const timer = setTimeout(() => fail(new Error(`the lab kept the connection open for ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
            closeWaiters.push(() => {
              clearTimeout(timer);
              done();
            });
          }),
        destroy: () => socket.destroy(),
        socket,
      }),
    );
    socket.once('error', reject);
  });
}
