// A loopback relay in front of the lab that records the Authorization field of every request a client
// sends through it, and passes request and answer on unchanged. The lab still decides (its status is
// the verdict); the relay only lets a test see which Digest challenge a client answered and how
// (RFC 7616 §3.4), which neither the client's exit status nor the lab's 200 body says.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one request through the relay carried: its Authorization field, if any, and the lab's status. */
export type RelayedRequest = { authorization: string | undefined; status: number };

export type RecordingRelay = {
  /** The relay's origin, to use in the client's URL instead of the lab's. */
  baseUrl: string;
  /** Every request relayed so far, in order. */
  requests: () => RelayedRequest[];
  close: () => Promise<void>;
};

// Connection management belongs to each hop (RFC 9110 §7.6.1); everything else passes as it came.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

/** Raw [name, value, name, value, …] without hop-by-hop fields, repeated fields kept as separate lines. */
function endToEnd(rawHeaders: string[], rewriteChallenge: (value: string) => string = (value) => value): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    const value = rawHeaders[i + 1] ?? '';
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, name.toLowerCase() === 'www-authenticate' ? rewriteChallenge(value) : value);
  }
  return kept;
}

/**
 * Starts a relay to the lab on a free loopback port. `rewriteChallenge`, when given, changes each
 * WWW-Authenticate value on the way back: a test can offer the lab's own challenge spelled differently
 * (the lab still checks the answer).
 */
export async function startRecordingRelay(labBaseUrl: string, rewriteChallenge?: (value: string) => string): Promise<RecordingRelay> {
  const lab = new URL(labBaseUrl);
  const recorded: RelayedRequest[] = [];
  const server = http.createServer((request, response) => {
    const entry: RelayedRequest = { authorization: request.headers.authorization, status: 0 };
    recorded.push(entry);
    const upstream = http.request(
      { host: lab.hostname, port: lab.port, method: request.method, path: request.url, headers: endToEnd(request.rawHeaders) },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        response.writeHead(entry.status, answer.statusMessage, endToEnd(answer.rawHeaders, rewriteChallenge));
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => response.destroy(error));
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests: () => recorded.map((entry) => ({ ...entry })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
