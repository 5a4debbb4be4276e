// A loopback TCP tap in front of the lab: each connection a client opens to it gets one connection of its
// own to the lab, and the bytes pass both ways unchanged while the tap records them. NTLM and Negotiate
// authenticate a connection (MS-NLMP §3.1.5), so an HTTP-level relay with a connection pool would break
// what it means to watch; this one keeps the client's connections as they are. A test then reads what the
// lab answered on each connection (parsed from the lab's own bytes), not what the client says it got.
// Through a CONNECT tunnel the stream simply goes on with the tunnelled requests and answers.
import net from 'node:net';
import { readRequests, readResponses, type TappedRequest, type TappedResponse } from './http-stream';

export type TappedConnection = { requests: TappedRequest[]; responses: TappedResponse[] };

export type TcpTap = {
  /** host:port of the tap, for a client's URL or proxy setting. */
  authority: string;
  /** Every connection so far, in the order the tap accepted them, read back from the bytes both ways. */
  connections: () => TappedConnection[];
  close: () => Promise<void>;
};

/** Starts a tap to `labBaseUrl` on a free port of 127.0.0.1. */
export async function startTcpTap(labBaseUrl: string): Promise<TcpTap> {
  const lab = new URL(labBaseUrl);
  const recorded: Array<{ sent: Buffer[]; answered: Buffer[] }> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const entry = { sent: [] as Buffer[], answered: [] as Buffer[] };
    recorded.push(entry);
    const upstream = net.connect(Number(lab.port), lab.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      entry.sent.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      entry.answered.push(chunk);
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    authority: `127.0.0.1:${port}`,
    connections: () =>
      recorded.map(({ sent, answered }) => {
        const requests = readRequests(Buffer.concat(sent));
        return {
          requests,
          responses: readResponses(
            Buffer.concat(answered),
            requests.map(({ method }) => method),
          ),
        };
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
