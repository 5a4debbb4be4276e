// The running site's handout printer (issue 17: PDF downloads "built by the running site for its own
// address"): a Chromium launched on first use and closed after some idle minutes, one print at a time
// (each takes a core for seconds), a bounded cache of what it printed, and a time limit per print.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-executable.mjs';
import { HANDOUT_CONTEXT, printHandoutPdf, type HandoutPrint } from './handout-pdf';

export type HandoutOutcome =
  | { kind: 'pdf'; body: Uint8Array<ArrayBuffer> }
  /** No Chromium at the configured path, or it would not start. */
  | { kind: 'no-chromium'; detail: string }
  /** Too many prints already waiting. */
  | { kind: 'busy'; detail: string }
  | { kind: 'failed'; detail: string };

export type HandoutPrinterOptions = {
  executablePath?: string;
  /** Longest one print may take once the browser is up. */
  timeoutMs?: number;
  /** How long the browser stays open after the last print. */
  idleMs?: number;
  /** Prints that may be running or waiting at once; one more is turned away. */
  maxWaiting?: number;
  /** The cache's bound, in bytes of PDF. */
  cacheBytes?: number;
};

export type HandoutPrinter = {
  /** Whether there is a Chromium to print with (its executable exists). */
  available(): boolean;
  print(request: HandoutPrint): Promise<HandoutOutcome>;
  close(): Promise<void>;
};

/** An error's first line: Playwright's messages go on with a call log nobody downloading a PDF needs. */
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Why a server without Chromium prints nothing. */
export const NO_CHROMIUM_DETAIL = 'This server has no Chromium to print handouts with.';

const cacheKey = ({ lab, slug, edition }: HandoutPrint) => `${lab} ${slug} ${edition}`;

export function createHandoutPrinter({
  executablePath = CHROMIUM_PATH,
  timeoutMs = 120_000,
  idleMs = 5 * 60_000,
  maxWaiting = 6,
  cacheBytes = 48 * 1024 * 1024,
}: HandoutPrinterOptions = {}): HandoutPrinter {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  let cachedBytes = 0;
  let browser: Promise<Browser> | undefined;
  let idle: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  const available = () => fs.existsSync(executablePath);

  function remember(key: string, body: Uint8Array<ArrayBuffer>) {
    cache.set(key, body);
    cachedBytes += body.byteLength;
    // The oldest first (a Map keeps insertion order; a hit re-inserts), never the one just printed.
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= cacheBytes || oldKey === key) break;
      cache.delete(oldKey);
      cachedBytes -= old.byteLength;
    }
  }

  function cached(request: HandoutPrint) {
    const key = cacheKey(request);
    const body = cache.get(key);
    if (body) {
      cache.delete(key);
      cache.set(key, body);
    }
    return body;
  }

  async function closeBrowser() {
    const open = browser;
    browser = undefined;
    await (await open?.catch(() => undefined))?.close();
  }

  function launch(): Promise<Browser> {
    if (!browser) {
      // The server handles its own signals (server.ts drains on SIGTERM); Playwright still ends the
      // browser when this process exits.
      const launching = chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      // A browser that crashed or would not start is launched afresh next time (not one launched since).
      const forget = () => {
        if (browser === launching) browser = undefined;
      };
      launching.then((opened) => opened.on('disconnected', forget), forget);
      browser = launching;
    }
    return browser;
  }

  async function printNow(request: HandoutPrint): Promise<HandoutOutcome> {
    const key = cacheKey(request);
    const done = cached(request);
    if (done) return { kind: 'pdf', body: done };
    clearTimeout(idle);
    let opened: Browser;
    try {
      opened = await launch();
    } catch (error) {
      return { kind: 'no-chromium', detail: `Chromium would not start: ${firstLine(error)}` };
    }
    let context: BrowserContext | undefined;
    let timedOut = false;
    // Closing the context makes whatever the print is waiting for fail at once.
    const limit = setTimeout(() => {
      timedOut = true;
      void context?.close();
    }, timeoutMs);
    try {
      context = await opened.newContext(HANDOUT_CONTEXT);
      const body = new Uint8Array(await printHandoutPdf(context, request));
      remember(key, body);
      return { kind: 'pdf', body };
    } catch (error) {
      if (timedOut) return { kind: 'failed', detail: `Printing took longer than ${Math.round(timeoutMs / 1000)} s.` };
      return { kind: 'failed', detail: `Printing failed: ${firstLine(error)}` };
    } finally {
      clearTimeout(limit);
      await context?.close().catch(() => undefined);
      idle = setTimeout(() => void closeBrowser(), idleMs);
      idle.unref();
    }
  }

  async function print(request: HandoutPrint): Promise<HandoutOutcome> {
    const done = cached(request);
    if (done) return { kind: 'pdf', body: done };
    if (!available()) return { kind: 'no-chromium', detail: NO_CHROMIUM_DETAIL };
    if (waiting >= maxWaiting)
      return { kind: 'busy', detail: `The printer is busy: ${maxWaiting} handouts are printing or waiting already, as many as it takes.` };
    waiting += 1;
    const turn = queue.then(() => printNow(request));
    queue = turn.catch(() => undefined);
    try {
      return await turn;
    } finally {
      waiting -= 1;
    }
  }

  return {
    available,
    print,
    close: async () => {
      clearTimeout(idle);
      await closeBrowser();
    },
  };
}
