import { chromium as playwright, type Browser } from 'playwright-core';
import { answerChallenges, type AuthAnswer } from '../../cdp-auth';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import { isProxyCase, versionFrom, type ClientAdapter } from '../adapter';
import { dialogUser } from '../dialog';
import { fetchScript, outcomeWords, pageRequest, requestWords, type PageOutcome } from '../page-request';

// Debian's Chromium (headless, through playwright-core), one browser per compat run, a fresh context (a
// new profile's cookies, cache and credentials) per case. The login dialog is answered through CDP's
// Fetch.authRequired (scripts/cdp-auth.ts) as dialog.ts says, for the server and the proxy alike. The
// request is made as a page makes it (page-request.ts). For the 407 cases the context's proxy is the lab
// (Playwright's per-context proxy, with its "<-loopback>" bypass rule so loopback is proxied too), so
// Chromium meets Proxy-Authenticate from its configured proxy, as it must to answer it.

const NAVIGATION_TIMEOUT_MS = 10_000;

let launched: Promise<Browser> | undefined;
const browser = () => (launched ??= playwright.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }));

const toCdp = (answer: ReturnType<ReturnType<typeof dialogUser>['answer']>): AuthAnswer =>
  answer.kind === 'provide' ? { response: 'ProvideCredentials', username: answer.username, password: answer.password } : { response: 'CancelAuth' };

export const chromium: ClientAdapter = {
  id: 'chromium',
  name: 'Chromium',
  configuration:
    "Headless Chromium, a fresh context per case; its login dialog (CDP Fetch.authRequired) answered with the user and password, once more if the same dialog comes back, then cancelled (at once when the case has only a token); a plain GET is a navigation, a POST a page's fetch() with credentials: 'include' from the lab's origin, a token a page's fetch() with Authorization: Bearer; the lab as the context's HTTP proxy for the 407 cases.",
  version: () => versionFrom(CHROMIUM_PATH, ['--version'], /^Chromium (\S+)/m),
  async run(c, lab) {
    const proxied = isProxyCase(c);
    const context = await (await browser()).newContext(proxied ? { proxy: { server: lab.origin } } : {});
    try {
      const page = await context.newPage();
      const user = dialogUser(c);
      const auth = await answerChallenges(context, page, (challenge) => toCdp(user.answer(challenge)));
      const request = pageRequest(c, lab);
      let outcome: PageOutcome;
      if (request.kind === 'navigation') {
        outcome = await page.goto(request.url, { timeout: NAVIGATION_TIMEOUT_MS }).then(
          (response) => (response ? { kind: 'status', status: response.status() } : { kind: 'network-error', message: 'no response' }),
          (error: unknown) => ({ kind: 'network-error', message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' }),
        );
      } else {
        await page.goto(request.from, { timeout: NAVIGATION_TIMEOUT_MS });
        outcome = (await page.evaluate(fetchScript(request))) as PageOutcome;
      }
      await auth.detach();
      const proxy = proxied ? ' The lab was the context’s HTTP proxy.' : '';
      return { note: `${requestWords(request)}: Chromium ${outcomeWords(outcome)}. ${user.words()}${proxy}` };
    } finally {
      await context.close();
    }
  },
  async close() {
    const running = launched;
    launched = undefined;
    await (await running)?.close();
  },
};
