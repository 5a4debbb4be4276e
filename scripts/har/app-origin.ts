import http from 'node:http';
import { freePort } from '../serve-build.mjs';

/**
 * A loopback origin of our own, for the HAR recorders: `/` is an empty page for scripts to run on, `/start`
 * answers 307 to `target` (the lab, on another origin: a cross-origin redirect to record).
 */
export async function appOrigin(target: string) {
  const port = await freePort();
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/start')) response.writeHead(307, { Location: target, 'Cache-Control': 'no-store' }).end();
    else if (request.url === '/') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>app</title>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
