// Production entry (`npm start` runs its bundle, dist/server.mjs): the sandbox straight from the engine on
// node:http, everything else through Next's request handler. Next's pipeline costs ~30x per request for the
// tiny sandbox responses, and the Fetch Headers object would merge repeated WWW-Authenticate lines. The
// sandbox is rate-limited per client here (SANDBOX_RATE_LIMIT, client addresses behind TRUST_PROXY), and
// every response to a request that arrived over HTTPS carries HSTS; `next dev` has neither.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { dispatch } from '@/lib/sandbox/http/dispatch';
import { isSandboxPath } from '@/lib/sandbox/routes/router';
import { answerConnect, TUNNEL_LIMITS, tunnelSpent } from '@/lib/sandbox/edge/connect';
import { createConnectionAuth, handshakeBudget, type ConnectionAuth } from '@/lib/sandbox/connection';
import { MAX_HEADER_BYTES } from '@/lib/sandbox/limits';
import { targetForm } from '@/lib/sandbox/http/target-form';
import { bareAnswerFor, prepareBareAnswers } from '@/lib/sandbox/edge/bare-answers';
import { turnWrites } from '@/lib/sandbox/edge/turn-writes';
import { fromNodeRequest, rawResponseBytes, sendNodeResponse, summariseFields, writeNodeResponse, type FieldSummary } from '@/lib/sandbox/http/node';
import { normaliseAddress } from '@/lib/sandbox/edge/client-address';
import { arrivedOverHttps, clientAddress, trustedProxiesFromEnvironment } from '@/lib/sandbox/edge/forwarded';
import { rateLimitGate } from '@/lib/sandbox/edge/rate-limit-gate';
import { rateLimitFromEnvironment } from '@/lib/sandbox/edge/rate-limit-setting';
import { HSTS_FIELDS, STRICT_TRANSPORT_SECURITY } from '@/lib/sandbox/edge/strict-transport-security';
import { targetPath } from '@/lib/sandbox/message';
import { SCENARIO_ALLOW } from '@/lib/sandbox/routes/route';
import { problemResponse } from '@/lib/sandbox/problem';
import { sandboxContext } from '@/lib/sandbox/runtime';
import { embedFrameAncestors } from '@/lib/site/security-headers.mjs';
import { SELF_ORIGIN_VARIABLE } from '@/lib/site/download-origin';
import { discoveryHref, discoveryLinkField, withDiscoveryHref } from '@/lib/site/oembed-discovery';
import { rewriteHtmlHead } from '@/lib/site/head-rewrite';
import { siteUrl } from '@/lib/site/site';

function portFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  return port;
}

const NO_FIELDS: readonly string[] = [];
/** Where a socket keeps its normalised peer address. */
const PEER = Symbol('peer');
/** Where a socket keeps what NTLM and Negotiate bind to it (lib/sandbox/connection.ts), per client address. */
const CONNECTION = Symbol('connection');
/** A reverse proxy may carry several clients' requests on one upstream socket: at most this many records per socket. */
const CLIENTS_PER_SOCKET = 16;
/** A socket that became a tunnel to the lab: its byte counts when the tunnel opened. */
const TUNNEL = Symbol('tunnel');
/** The socket already has the error listener a CONNECT needs (node:http removes its own on CONNECT). */
const GUARDED = Symbol('guarded');
type LabSocket = Socket & { [CONNECTION]?: Map<string, ConnectionAuth>; [TUNNEL]?: { read: number; written: number }; [GUARDED]?: true };

/** The bytes a tunnel has carried both ways since it opened. */
function tunnelBytes(socket: LabSocket): number {
  const start = socket[TUNNEL];
  return start ? socket.bytesRead - start.read + (socket.bytesWritten - start.written) : 0;
}

/** A validated environment variable's value, or start-up stops with its message. */
function fromEnvironment<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * RFC 9112 §3.2: an HTTP/1.1 request without Host, or with more than one Host field, MUST get 400.
 * Returns why, or undefined when the request is fine.
 */
function hostFieldProblem(request: http.IncomingMessage, { hosts }: FieldSummary): string | undefined {
  if (hosts > 1) return `The request has ${hosts} Host fields; it must have exactly one (RFC 9112 §3.2).`;
  if (hosts === 0 && request.httpVersionMajor === 1 && request.httpVersionMinor >= 1) return 'An HTTP/1.1 request must carry a Host field (RFC 9112 §3.2).';
  return undefined;
}

/**
 * oEmbed discovery for the URL requested, not the one the page was prerendered for (oEmbed §4): a Link
 * field (RFC 8288) on every discoverable page, and, when the URL has a query (a playground share link, a
 * lesson's ?section=, an embed's options), the page's own <link> rewritten to match. Those few pages go
 * out uncompressed (Next's gzip would hide the <link>); the bare page keeps its prerendered, gzipped form.
 */
function announceOembed(request: http.IncomingMessage, response: http.ServerResponse, target: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  const href = discoveryHref(target, siteUrl());
  if (!href) return;
  response.setHeader('Link', discoveryLinkField(href));
  if (!target.includes('?')) return;
  delete request.headers['accept-encoding'];
  rewriteHtmlHead(response, (head) => withDiscoveryHref(head, href));
}

async function main() {
  // Fail fast, with a clear message, on a bad environment (before any request arrives).
  const port = portFromEnvironment(process.env.PORT);
  // proxy.ts reads it per request; a typo must not silently turn into "frame-ancestors 'self'".
  const ancestors = embedFrameAncestors(process.env.EMBED_FRAME_ANCESTORS);
  if (!ancestors.ok) throw new Error(ancestors.error);
  const trusted = fromEnvironment(trustedProxiesFromEnvironment(process.env.TRUST_PROXY));
  // Only here, the production entry: `next dev`'s route handlers have no limit.
  const limitRate = rateLimitGate(fromEnvironment(rateLimitFromEnvironment(process.env.SANDBOX_RATE_LIMIT)), trusted);
  /** The peer's address, and the fields every response to this request gets: HSTS over HTTPS only (RFC 6797 §7.2). */
  const connection = (request: http.IncomingMessage) => {
    // Once per connection, not per request: a keep-alive connection's peer never changes.
    const socket = request.socket as TLSSocket & { [PEER]?: string };
    const peer = (socket[PEER] ??= normaliseAddress(socket.remoteAddress ?? '') ?? 'unknown');
    const secure = arrivedOverHttps(socket.encrypted === true, peer, request.rawHeaders, trusted);
    return { peer, extra: secure ? HSTS_FIELDS : NO_FIELDS };
  };
  const ctx = sandboxContext();
  // With REDIS_URL, not a request before Redis answers: an unreachable one stops start-up here, saying so.
  await ctx.store.ready();
  if (ctx.store.kind === 'redis') console.log('[sandbox] replay checks, one-time codes and client-test runs are shared through Redis (REDIS_URL)');
  const bareAnswers = await prepareBareAnswers(ctx);
  // NTLM and Negotiate bind their handshake to the TCP connection: one record per socket, numbered for
  // the learner, dropped when the socket closes; the handshakes waiting for an AUTHENTICATE are bounded.
  const handshakes = handshakeBudget();
  let connectionCount = 0;
  // Keyed by the client's address as well: a reverse proxy in front (TRUST_PROXY) pools its upstream
  // connections, so one socket here may carry several clients' requests, and a connection authenticated for
  // one must not let another through (docs/connection-auth.md). Directly connected, the key is the peer.
  const connectionOf = (socket: LabSocket, client: string): ConnectionAuth => {
    let byClient = socket[CONNECTION];
    if (!byClient) {
      const records = (byClient = socket[CONNECTION] = new Map());
      socket.once('close', () => {
        for (const record of records.values()) record.close();
        records.clear();
      });
    }
    const known = byClient.get(client);
    if (known) return known;
    if (byClient.size >= CLIENTS_PER_SOCKET) {
      const [oldest, record] = byClient.entries().next().value ?? [];
      if (oldest !== undefined) byClient.delete(oldest);
      record?.close();
    }
    const created = createConnectionAuth(++connectionCount, handshakes);
    byClient.set(client, created);
    return created;
  };
  /** Has a handshake authenticated this client's connection? Then a bare request must reach the engine. */
  const authenticatedOn = (socket: LabSocket, client: string) => socket[CONNECTION]?.get(client)?.isAuthenticated() === true;
  let openTunnels = 0;
  // This file runs bundled as dist/server.mjs (scripts/build-server.mjs): the project root, Next's `dir`
  // (with .next in it), is the folder above the bundle's.
  const dir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  // Next attaches a WebSocket 'upgrade' listener to the server of the first request it handles (for
  // next dev's hot reload); in production that listener only drops the socket. With it in place,
  // node:http hands it every request that carries Upgrade, so once any page had been served,
  // `curl --http2` (Upgrade: h2c) and Java's HttpClient, which asks for h2c on every http:// request,
  // lost their connection. Next gets a server that never listens instead: with no 'upgrade' listener
  // node:http serves such a request as plain HTTP/1.1, as RFC 9110 §7.8 allows (a server MAY ignore Upgrade).
  const app = next({ dev: false, dir, httpServer: http.createServer() });
  await app.prepare();
  const handleNext = app.getRequestHandler();

  const deferWrite = turnWrites();
  // requireHostHeader off: node:http's own refusal is a bare 400 with no body; the Host rule is checked
  // below, for every path, so the refusal explains itself like every other one.
  const server = http.createServer(
    // keepAliveTimeout: an idle kept-alive connection stays open 30 s rather than Node's 5 s. Clients close
    // theirs after about 4 s (Node's fetch takes the Keep-Alive hint minus 1 s); with only a second between,
    // a client that is slow for a moment sends its next request on a socket the server is closing and gets
    // "other side closed" (RFC 9112 §9.3 lets either side close an idle connection at any time). A proxy in
    // front usually keeps upstream connections longer still. headersTimeout and requestTimeout count from
    // a request's first byte, so a slow request is still cut off at 10 and 15 s.
    { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 30_000, requireHostHeader: false },
    (request, response) => {
      const fields = summariseFields(request.rawHeaders);
      const { peer, extra } = connection(request);
      const method = request.method ?? 'GET';
      const socket = request.socket as LabSocket;
      if (socket[TUNNEL] && tunnelBytes(socket) > TUNNEL_LIMITS.bytes) {
        // The tunnel has carried its share: answer this request, then close it (a new CONNECT opens another).
        response.shouldKeepAlive = false;
        writeNodeResponse(response, tunnelSpent(), method, extra);
        return;
      }
      const hostProblem = hostFieldProblem(request, fields);
      if (hostProblem) {
        writeNodeResponse(response, problemResponse({ status: 400, detail: hostProblem }), method, extra);
        return;
      }
      const form = targetForm(request.url ?? '/');
      switch (form.kind) {
        case 'asterisk':
          // RFC 9110 §9.3.7: OPTIONS * asks about the server in general.
          response.writeHead(204, ['Allow', SCENARIO_ALLOW, ...extra]).end();
          return;
        case 'invalid':
          writeNodeResponse(response, problemResponse({ status: 400, detail: form.detail }), method, extra);
          return;
        case 'origin':
          break;
        default: {
          const never: never = form;
          return never;
        }
      }
      // Route on origin-form, also when a client uses the lab as its proxy (absolute-form); the form the
      // client wrote is kept for Digest, whose uri may name it (RFC 7616 §3.4.6).
      const sentTarget = request.url !== form.target ? request.url : undefined;
      request.url = form.target;
      const pathname = targetPath(form.target);
      if (!isSandboxPath(pathname)) {
        // Next keeps a field set before it writes its own (checked in tests/http/rate-limit.test.ts).
        if (extra.length > 0) response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
        announceOembed(request, response, form.target);
        void handleNext(request, response);
        return;
      }
      // From here on, an answer goes out with the others of this loop turn, at its end (lib/sandbox/edge/turn-writes.ts).
      const failed = (error: unknown) => {
        console.error('[server] request failed', error);
        if (!response.headersSent) response.writeHead(500, ['Content-Type', 'application/problem+json', ...extra]);
        response.end();
      };
      const refusal = limitRate({ peer, rawHeaders: request.rawHeaders, method, pathname });
      if (refusal) {
        deferWrite(() => writeNodeResponse(response, refusal, method, extra), failed);
        return;
      }
      // A connection an NTLM handshake authenticated lets bare requests through: the engine must see them.
      const client = trusted.any ? clientAddress(peer, request.rawHeaders, trusted) : peer;
      const bare = socket[CONNECTION] && authenticatedOn(socket, client) ? undefined : bareAnswerFor(bareAnswers, method, form.target, fields, ctx);
      if (bare) {
        deferWrite(() => sendNodeResponse(response, bare, method, extra), failed);
        return;
      }
      void (async () => {
        const converted = await fromNodeRequest(request, { connection: connectionOf(socket, client), sentTarget });
        const answer = 'error' in converted ? converted.error : await dispatch(converted, ctx);
        deferWrite(() => writeNodeResponse(response, answer, method, extra), failed);
      })().catch(failed);
    },
  );
  // RFC 9110 §10.1.1: an expectation the server cannot meet gets 417 (node:http would send it bare).
  server.on('checkExpectation', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const detail = 'This server meets only the expectation "100-continue" (RFC 9110 §10.1.1); send the request without this Expect field.';
    writeNodeResponse(response, problemResponse({ status: 417, detail }), request.method ?? 'GET', connection(request).extra);
  });
  // CONNECT asks for a tunnel (RFC 9110 §9.3.6). The lab is an authenticating proxy for tunnels to itself
  // only (lib/sandbox/edge/connect.ts): a 407 keeps the connection for the client's next CONNECT (NTLM's
  // legs need that), and a 2xx hands the socket back to this same server, so what the client sends
  // through the tunnel is served here. No connection is ever opened to anywhere.
  server.on('connect', (request: http.IncomingMessage, duplex: Duplex, head: Buffer) => {
    const socket = duplex as LabSocket;
    // node:http has taken its own error listener off a CONNECT socket: without this, a client that
    // resets the connection would crash the process with an unhandled 'error'.
    if (!socket[GUARDED]) {
      socket[GUARDED] = true;
      socket.on('error', () => socket.destroy());
    }
    const { peer, extra } = connection(request);
    // A CONNECT sent inside a tunnel is still that tunnel: it may not start the byte count again.
    const nested = socket[TUNNEL] !== undefined;
    if (nested && tunnelBytes(socket) > TUNNEL_LIMITS.bytes) {
      socket.end(rawResponseBytes(tunnelSpent(), extra, false));
      return;
    }
    const target = request.url ?? '';
    const serveOn = () => {
      if (head.length > 0) socket.unshift(head);
      server.emit('connection', socket);
    };
    const refusal = limitRate({ peer, rawHeaders: request.rawHeaders, method: 'CONNECT', pathname: target });
    if (refusal) {
      socket.end(rawResponseBytes(refusal, extra, false));
      return;
    }
    const headers: Array<[string, string]> = [];
    for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '']);
    const client = trusted.any ? clientAddress(peer, request.rawHeaders, trusted) : peer;
    const sandboxRequest = { method: 'CONNECT', target, headers, body: new Uint8Array(0), connection: connectionOf(socket, client) };
    const lab = { localAddress: socket.localAddress ?? '', localPort: socket.localPort ?? 0, ...(ctx.publicOrigin ? { publicOrigin: ctx.publicOrigin } : {}) };
    void answerConnect(sandboxRequest, lab, ctx, nested ? openTunnels - 1 : openTunnels)
      .then((answer) => {
        if (socket.destroyed) return;
        if (answer.kind === 'respond') {
          if (!answer.keepAlive) {
            socket.end(rawResponseBytes(answer.response, extra, false));
            return;
          }
          socket.write(rawResponseBytes(answer.response, extra, true));
          serveOn();
          return;
        }
        // RFC 9110 §9.3.6: a 2xx to CONNECT has no content and no Content-Length or Transfer-Encoding.
        // A tunnel opened inside a tunnel is the same connection: its bytes, lifetime and place among the
        // open tunnels stay those of the first.
        if (!socket[TUNNEL]) {
          openTunnels++;
          socket[TUNNEL] = { read: socket.bytesRead, written: socket.bytesWritten };
          const lifetime = setTimeout(() => socket.destroy(), TUNNEL_LIMITS.lifetimeMs);
          lifetime.unref();
          socket.once('close', () => {
            openTunnels--;
            clearTimeout(lifetime);
          });
        }
        socket.write(`HTTP/1.1 200 Connection Established\r\n${extra.length > 0 ? `${extra[0]}: ${extra[1]}\r\n` : ''}\r\n`);
        serveOn();
      })
      .catch((error: unknown) => {
        console.error('[server] CONNECT failed', error);
        socket.destroy();
      });
  });
  // Oversized headers get 431 from node:http itself; make the other client errors polite too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    const body = JSON.stringify({ type: 'about:blank', title: status.slice(4), status: Number(status.slice(0, 3)), detail: 'The request could not be read.' });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to another one)` : error.message;
    console.error(`HTTP Auth Lab failed to start: ${reason}`);
    process.exit(1);
  });
  server.listen(port, () => {
    // The trainers' downloads render the site's own pages from here (lib/site/download-origin.ts).
    process.env[SELF_ORIGIN_VARIABLE] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`HTTP Auth Lab ready on http://localhost:${port}`);
  });

  // SIGTERM: stop accepting, let in-flight requests finish, then exit (forced after 10 s).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining connections`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`HTTP Auth Lab failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
