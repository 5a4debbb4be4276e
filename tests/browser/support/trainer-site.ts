// A trainer's own site on a second local origin (localhost, another port), for the embed tests: it serves
// the pages a test puts in `pages` and answers 404 to anything else. Loopback only. Also what such a page
// holds (a course page framing the lab) and what the tests count in the frame, shared by both engines.
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

/** The iframe's sandbox attribute a trainer's page gives the lab: scripts, popups and forms, as the Embed dialog's code does. */
const SANDBOX_ATTRIBUTE = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms';

/** A trainer's course page with `frames` in it. */
export const coursePage = (frames: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body><h1>My course</h1>${frames}</body></html>`;

/** An iframe of the lab at `src`, framed as a trainer would. */
export const labFrame = (id: string, src: string) =>
  `<iframe id="${id}" src="${src}" title="${id}" width="800" height="600" sandbox="${SANDBOX_ATTRIBUTE}"></iframe>`;

/**
 * Runs in the page (serialized by the driver, so it must not close over anything): how many blocks of
 * code a reader can see send requests to the sandbox, a URL or a quoted path to it (curl, fetch,
 * requests). The annotated exchanges (components/mdx/Exchange.tsx) show messages, "GET /api/sandbox/basic
 * HTTP/1.1", not commands: they teach without the sandbox and stay.
 */
export function visibleSandboxCommands(): number {
  const command = /(?:https?:\/\/[^\s'"]+|['"`])\/api\/sandbox(?![\w-])/;
  return [...document.querySelectorAll('pre')].filter((pre) => command.test(pre.textContent) && pre.checkVisibility()).length;
}
