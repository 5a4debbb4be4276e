import type { Browser as ChromiumBrowser } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import * as z from 'zod';
import type { BrowserEngine } from '@/lib/content/browser-facts';
import { answerChallenges, provide } from '@/scripts/cdp-auth';

// One page in Chromium or in Firefox behind the same small interface, so a browser fact is probed by one
// piece of code in both engines. Every challenge the engine would show its login dialog for is answered
// as a user would, with alice's password, and counted: Chromium asks through CDP (Fetch.authRequired,
// see scripts/cdp-auth.ts), Firefox through WebDriver BiDi (network.authRequired, which puppeteer's
// page.authenticate answers; the events are read here off puppeteer's BiDi connection).

export const USER = { username: 'alice', password: 'wonderland' } as const;

/** What a page's fetch() ended with, as the page saw it. */
export const pageFetchResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolves'), status: z.number().int(), body: z.string(), wwwAuthenticate: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('rejects'), name: z.string(), message: z.string() }).strict(),
]);
export type PageFetchResult = z.output<typeof pageFetchResultSchema>;

export type PageFetchRequest = { url: string; credentials: RequestCredentials; headers?: [string, string][] };

/** Runs in the page (serialized by the driver, so it must not close over anything). */
async function fetchInPage(request: PageFetchRequest): Promise<PageFetchResult> {
  try {
    const response = await fetch(request.url, { credentials: request.credentials, headers: request.headers ?? [] });
    return { kind: 'resolves', status: response.status, body: await response.text(), wwwAuthenticate: response.headers.get('WWW-Authenticate') };
  } catch (error) {
    return { kind: 'rejects', name: (error as Error).name, message: (error as Error).message };
  }
}

export type ProbePage = {
  engine: BrowserEngine;
  /** Loads `url` as the document the probes run in (their origin is its origin). */
  goto: (url: string) => Promise<void>;
  fetch: (request: PageFetchRequest) => Promise<PageFetchResult>;
  /** How many times so far the engine asked for credentials (its login dialog). */
  prompts: () => number;
  /** Network errors the engine reported for `url` (Chromium: net::ERR_...). */
  networkErrors: (url: string) => string[];
  close: () => Promise<void>;
};

/** A fresh context of `browser`, a connection to the run's shared Chromium (scripts/chromium.mjs). */
export async function openChromiumPage(browser: ChromiumBrowser): Promise<ProbePage> {
  const context = await browser.newContext();
  const session = { context, page: await context.newPage(), close: () => context.close() };
  const auth = await answerChallenges(session.context, session.page, () => provide(USER.username, USER.password));
  const failures: { url: string; error: string }[] = [];
  session.page.on('requestfailed', (request) => failures.push({ url: request.url(), error: request.failure()?.errorText ?? '' }));
  return {
    engine: 'chromium',
    goto: async (url) => {
      await session.page.goto(url);
    },
    fetch: async (request) => pageFetchResultSchema.parse(await session.page.evaluate(fetchInPage, request)),
    prompts: () => auth.challenges.length,
    networkErrors: (url) => failures.filter((failure) => failure.url === url).map((failure) => failure.error),
    close: async () => {
      await auth.detach();
      await session.close();
    },
  };
}

// The BiDi events the probes read (https://w3c.github.io/webdriver-bidi/#module-network), checked as they arrive.
const authRequiredSchema = z.object({ context: z.string(), isBlocked: z.boolean() });
const fetchErrorSchema = z.object({ context: z.string(), errorText: z.string(), request: z.object({ url: z.string() }) });

type BidiEvents = { on: (event: string, handler: (params: unknown) => void) => unknown; off: (event: string, handler: (params: unknown) => void) => unknown };

/** puppeteer-core's BiDi connection (Browser.connection, internal in its types): every event the session subscribed to. */
function bidiEvents(browser: FirefoxBrowser): BidiEvents {
  const connection = (browser as unknown as { connection?: Partial<BidiEvents> }).connection;
  if (typeof connection?.on !== 'function' || typeof connection.off !== 'function') {
    throw new Error('puppeteer-core no longer exposes Browser.connection: read network.authRequired another way');
  }
  return connection as BidiEvents;
}

/** The BiDi browsing context id of `page`'s top-level document (Frame._id, internal in puppeteer's types). */
const contextId = (page: FirefoxPage): string => z.object({ _id: z.string() }).parse(page.mainFrame())._id;

/** A fresh context of `browser`, a Firefox launched by launchFirefox(). */
export async function openFirefoxPage(browser: FirefoxBrowser): Promise<ProbePage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // An intercept at the authRequired phase: without it Firefox would open its (headless) dialog and wait.
  await page.authenticate(USER);
  const id = contextId(page);
  const events = bidiEvents(browser);
  let prompts = 0;
  const failures: { url: string; error: string }[] = [];
  const onAuth = (params: unknown) => {
    const event = authRequiredSchema.parse(params);
    if (event.context === id && event.isBlocked) prompts += 1;
  };
  const onFetchError = (params: unknown) => {
    const event = fetchErrorSchema.parse(params);
    if (event.context === id) failures.push({ url: event.request.url, error: event.errorText });
  };
  events.on('network.authRequired', onAuth);
  events.on('network.fetchError', onFetchError);
  return {
    engine: 'firefox',
    goto: async (url) => {
      await page.goto(url);
    },
    fetch: async (request) => pageFetchResultSchema.parse(await page.evaluate(fetchInPage, request)),
    prompts: () => prompts,
    networkErrors: (url) => failures.filter((failure) => failure.url === url).map((failure) => failure.error),
    close: async () => {
      events.off('network.authRequired', onAuth);
      events.off('network.fetchError', onFetchError);
      await context.close();
    },
  };
}
