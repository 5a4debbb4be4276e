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
  /** Starts the browser (tests hand in one of their own); Debian's Chromium at executablePath by default. */
  launchBrowser?: () => Promise<Browser>;
  /** Prints one handout in a fresh context (printHandoutPdf; tests hand in one that fails on purpose). */
  printPage?: (context: BrowserContext, request: HandoutPrint) => Promise<Buffer>;
  /** Where a failed attempt is reported, so an operator (or a CI log) sees why; console.error by default. */
  log?: (line: string) => void;
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
  launchBrowser = () =>
    chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      // The server handles its own signals (server.ts drains on SIGTERM); Playwright still ends the
      // browser when this process exits.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }),
  printPage = printHandoutPdf,
  log = (line) => console.error(line),
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
      const launching = launchBrowser();
      // A browser that crashed or would not start is launched afresh next time (not one launched since).
      const forget = () => {
        if (browser === launching) browser = undefined;
      };
      launching.then((opened) => opened.on('disconnected', forget), forget);
      browser = launching;
    }
    return browser;
  }

  /** One attempt in a fresh context of a running browser, within the time limit; mayRetry if it failed in time. */
  async function attempt(request: HandoutPrint): Promise<{ outcome: HandoutOutcome; mayRetry: boolean }> {
    let opened: Browser;
    try {
      opened = await launch();
    } catch (error) {
      return { outcome: { kind: 'no-chromium', detail: `Chromium would not start: ${firstLine(error)}` }, mayRetry: false };
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
      return { outcome: { kind: 'pdf', body: new Uint8Array(await printPage(context, request)) }, mayRetry: false };
    } catch (error) {
      if (timedOut) return { outcome: { kind: 'failed', detail: `Printing took longer than ${Math.round(timeoutMs / 1000)} s.` }, mayRetry: false };
      return { outcome: { kind: 'failed', detail: `Printing failed: ${firstLine(error)}` }, mayRetry: true };
    } finally {
      clearTimeout(limit);
      await context?.close().catch(() => undefined);
    }
  }

  async function printNow(request: HandoutPrint): Promise<HandoutOutcome> {
    const key = cacheKey(request);
    const done = cached(request);
    if (done) return { kind: 'pdf', body: done };
    clearTimeout(idle);
    try {
      const first = await attempt(request);
      let outcome = first.outcome;
      // A renderer that crashed or a browser that went away mid-print fails once and prints the next time
      // (the browser is launched afresh if it is gone): one more try before the reader sees a 500. A print
      // that ran out of time is not tried again; it would only keep the queue waiting twice as long.
      if (first.mayRetry && outcome.kind === 'failed') {
        log(`[handouts] ${request.slug} (${request.edition}): ${outcome.detail} Trying once more.`);
        outcome = (await attempt(request)).outcome;
      }
      if (outcome.kind === 'pdf') remember(key, outcome.body);
      else log(`[handouts] ${request.slug} (${request.edition}): ${outcome.detail}`);
      return outcome;
    } finally {
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
