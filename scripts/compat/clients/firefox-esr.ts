import type { Browser, Page } from 'puppeteer-core';
import * as z from 'zod';
import { FIREFOX_PATH, launchFirefox } from '../../firefox';
import { isProxyCase, versionFrom, type ClientAdapter, type Lab } from '../adapter';
import { dialogUser, type Dialog, type DialogUser } from '../dialog';
import { fetchScript, outcomeWords, pageRequest, requestWords, type PageOutcome } from '../page-request';

// Debian's Firefox ESR (headless, puppeteer-core over WebDriver BiDi, scripts/firefox.ts), one browser per
// compat run, a fresh browser context (its own cookies, cache and credentials) per case. The request is
// made as a page makes it (page-request.ts).
//
// The login dialog is answered as dialog.ts says, through BiDi itself: an intercept at the authRequired
// phase for the case's page, and network.continueWithAuth for each network.authRequired. Not
// puppeteer's page.authenticate: it answers once per request and cancels the next dialog, so the 407 cases
// (the proxy's dialog, then the origin's, on one request) would measure puppeteer, not Firefox. The events
// are taken off puppeteer's BiDi connection (Browser.connection, internal in its types) before puppeteer's
// own handler sees them, which would cancel every dialog of a page without page.authenticate.
//
// For each 407 case, a Firefox of its own has the lab as its HTTP proxy (network.proxy.*), with
// network.proxy.allow_hijacking_localhost so loopback goes through it too. Proxy preferences belong to a
// profile, puppeteer-core 23 gives a BiDi context no proxy of its own, and Firefox keeps proxy credentials
// across contexts: sharing one browser, the second 407 case began with the first one's Proxy-Authorization.

const NAVIGATION_TIMEOUT_MS = 10_000;

// The part of a BiDi network.authRequired event the adapter reads (https://w3c.github.io/webdriver-bidi/#event-network-authRequired).
// What the event says of the challenges is Firefox's own reading of them, and may lack a realm (NTLM,
// Negotiate, a Basic challenge without one) or be unreadable: a dialog is answered whatever it says.
const authChallengesSchema = z
  .array(z.object({ scheme: z.string(), realm: z.string().optional() }))
  .optional()
  .catch(undefined);
const authRequiredSchema = z.object({
  context: z.string(),
  isBlocked: z.boolean(),
  request: z.object({ request: z.string(), url: z.string() }),
  response: z.object({ status: z.number(), authChallenges: authChallengesSchema }),
});
type AuthRequired = z.output<typeof authRequiredSchema>;

type BidiConnection = {
  emit: (type: string, event: unknown) => boolean;
  send: (method: string, params: object) => Promise<unknown>;
};

/** What one browser's pages ask for: the case's page (its BiDi context id) to its dialog user. */
type Answering = Map<string, (event: AuthRequired) => void>;

function takeDialogs(browser: Browser): { connection: BidiConnection; answering: Answering } {
  const connection = (browser as unknown as { connection?: Partial<BidiConnection> }).connection;
  if (typeof connection?.emit !== 'function' || typeof connection.send !== 'function') {
    throw new Error('puppeteer-core no longer exposes Browser.connection: answer network.authRequired another way');
  }
  const bidi = connection as BidiConnection;
  const answering: Answering = new Map();
  const emit = bidi.emit.bind(bidi);
  bidi.emit = (type, params) => {
    if (type === 'network.authRequired') {
      const event = authRequiredSchema.safeParse(params);
      const answer = event.success && event.data.isBlocked ? answering.get(event.data.context) : undefined;
      if (event.success && answer) {
        answer(event.data);
        return true;
      }
    }
    return emit(type, params);
  };
  return { connection: bidi, answering };
}

type Running = { browser: Browser; connection: BidiConnection; answering: Answering };

const launch = (prefs: Record<string, string | number | boolean>): Promise<Running> =>
  launchFirefox({ prefs }).then((browser) => ({ browser, ...takeDialogs(browser) }));

/** The Firefox every case without a proxy shares, launched when the first one comes. */
let shared: Promise<Running> | undefined;

/** The lab as the HTTP proxy, loopback included. */
function proxyPrefs(lab: Lab): Record<string, string | number | boolean> {
  const proxy = new URL(lab.origin);
  return {
    'network.proxy.type': 1,
    'network.proxy.http': proxy.hostname,
    'network.proxy.http_port': Number(proxy.port),
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
  };
}

/**
 * Contexts opened and closed one at a time: with four cases at a time, Firefox now and then answered
 * browsingContext.create with "no such frame" while another context was being opened or closed.
 */
let tabs: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(step: () => Promise<T>): Promise<T> {
  const done = tabs.then(step, step);
  tabs = done.catch(() => undefined);
  return done;
}

/**
 * The dialog Firefox asked for, as the event tells it (a 407 is the proxy's). After the proxy's 407 was
 * answered, Firefox's event for the origin's 401 still carries status 407 and names no challenge: such a
 * dialog is told apart by having none. The realm is left out: the event's reading of the field is the
 * remote agent's, not the one Firefox's HTTP code hashes (it reads `realm="Lab, staff only"` as "Lab").
 */
function dialogOf(event: AuthRequired): Dialog {
  const challenge = event.response.authChallenges?.[0];
  const origin = new URL(event.request.url).origin;
  if (!challenge) return { source: 'Server', origin, realm: '' };
  return { source: event.response.status === 407 ? 'Proxy' : 'Server', origin, scheme: challenge.scheme, realm: '' };
}

/** The BiDi browsing context id of `page`'s top-level document (Frame._id, internal in puppeteer's types). */
const contextId = (page: Page): string => z.object({ _id: z.string() }).parse(page.mainFrame())._id;

async function answerDialogs(run: Running, page: Page, user: DialogUser): Promise<() => void> {
  const context = contextId(page);
  await run.connection.send('network.addIntercept', { phases: ['authRequired'], contexts: [context] });
  run.answering.set(context, (event) => {
    const answer = user.answer(dialogOf(event));
    const params =
      answer.kind === 'provide'
        ? {
            request: event.request.request,
            action: 'provideCredentials',
            credentials: { type: 'password', username: answer.username, password: answer.password },
          }
        : { request: event.request.request, action: 'cancel' };
    // The page may be gone by then (the case timed out): nothing to answer.
    run.connection.send('network.continueWithAuth', params).catch(() => undefined);
  });
  return () => run.answering.delete(context);
}

/**
 * A failed navigation in Firefox's words: its NS_ERROR code, without the protocol wrapping and stack.
 * Firefox's navigation ends with NS_ERROR_NET_ERROR_RESPONSE when the last response is a 4xx it does not
 * answer; what that response was is in the lab's record of the case.
 */
function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /\bNS_ERROR_[A-Z_]+/.exec(text)?.[0] ?? text.split('\n')[0] ?? '';
}

export const firefoxEsr: ClientAdapter = {
  id: 'firefox-esr',
  name: 'Firefox ESR',
  configuration:
    "Headless Firefox ESR over WebDriver BiDi, a fresh context per case; its login dialog (BiDi network.authRequired) answered with the user and password, once more if the same dialog comes back, then cancelled (at once when the case has only a token); a plain GET is a navigation, a POST a page's fetch() with credentials: 'include' from the lab's origin, a token a page's fetch() with Authorization: Bearer; for each 407 case a Firefox of its own with the lab as its HTTP proxy (network.proxy prefs, allow_hijacking_localhost).",
  version: () => versionFrom(FIREFOX_PATH, ['--version'], /^Mozilla Firefox (\S+)/m),
  async run(c, lab) {
    const proxied = isProxyCase(c);
    const own = proxied ? await launch(proxyPrefs(lab)) : undefined;
    const run = own ?? (await (shared ??= launch({})));
    const { context, page } = await oneAtATime(async () => {
      const opened = await run.browser.createBrowserContext();
      return { context: opened, page: await opened.newPage() };
    });
    try {
      const user = dialogUser(c);
      const stop = await answerDialogs(run, page, user);
      const request = pageRequest(c, lab);
      let outcome: PageOutcome;
      try {
        if (request.kind === 'navigation') {
          outcome = await page.goto(request.url, { timeout: NAVIGATION_TIMEOUT_MS }).then(
            (response) => (response ? { kind: 'status', status: response.status() } : { kind: 'network-error', message: 'no response' }),
            (error: unknown) => ({ kind: 'network-error', message: message(error) }),
          );
        } else {
          await page.goto(request.from, { timeout: NAVIGATION_TIMEOUT_MS });
          outcome = (await page.evaluate(fetchScript(request))) as PageOutcome;
        }
      } finally {
        stop();
      }
      const proxy = proxied ? ' The lab was the browser’s HTTP proxy.' : '';
      return { note: `${requestWords(request)}: Firefox ${outcomeWords(outcome)}. ${user.words()}${proxy}` };
    } finally {
      await oneAtATime(() => context.close());
      await own?.browser.close();
    }
  },
  async close() {
    const running = shared;
    shared = undefined;
    await (await running)?.browser.close();
  },
};
