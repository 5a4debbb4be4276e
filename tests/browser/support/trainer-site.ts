// A trainer's own site on a second local origin (localhost, another port), for the embed tests: it serves
// the pages a test puts in `pages` and answers 404 to anything else. Loopback only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TrainerSite = { pages: Map<string, string>; url: () => string; start: () => Promise<void>; close: () => Promise<void> };

export function trainerSite(): TrainerSite {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const body = pages.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  return {
    pages,
    // localhost, not 127.0.0.1: another origin than the lab's, as a trainer's site is.
    url: () => `http://localhost:${(server.address() as AddressInfo).port}`,
    start: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
