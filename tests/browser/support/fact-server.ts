import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback server of the browser-facts test's own, for the facts the lab's sandbox has no endpoint for:
// what reaches a server when a script sets a header, and what survives a redirect. It listens on two
// ports of 127.0.0.1, so `origin` and `otherOrigin` are two origins (an origin includes the port).
//   GET /               an empty page to run probes in
//   GET /redirect?to=U  307 to U (307 keeps the method and the request's headers: RFC 9110 §15.4.8)
//   GET /echo           200, the request's header fields as JSON; CORS lets any origin read it
//   OPTIONS /echo       204, the CORS preflight answer (it allows Authorization explicitly: a `*` never covers it)

export type FactServer = { origin: string; otherOrigin: string; close: () => Promise<void> };

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET',
  'Access-Control-Allow-Headers': 'Authorization, Proxy-Authorization, Cookie',
};

function handle(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://probe.invalid');
  if (url.pathname === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>probe</title>');
  } else if (url.pathname === '/redirect') {
    response.writeHead(307, { Location: url.searchParams.get('to') ?? '/', ...CORS }).end();
  } else if (url.pathname === '/echo' && request.method === 'OPTIONS') {
    response.writeHead(204, CORS).end();
  } else if (url.pathname === '/echo') {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...CORS }).end(JSON.stringify({ headers: request.headers }));
  } else {
    response.writeHead(404).end();
  }
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFactServer(): Promise<FactServer> {
  const servers = [http.createServer(handle), http.createServer(handle)] as const;
  const [origin, otherOrigin] = await Promise.all(servers.map(listen));
  const stop = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The browsers keep connections alive; close() alone would wait for them.
      server.closeAllConnections();
    });
  const close = async () => {
    await Promise.all(servers.map(stop));
  };
  return { origin: origin as string, otherOrigin: otherOrigin as string, close };
}
