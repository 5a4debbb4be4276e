import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// Answers HTTP authentication challenges in headless Chromium through the DevTools protocol's Fetch
// domain, the way a user would fill in the browser's login dialog: no native dialog ever opens, and
// every challenge Chromium asked about is recorded (scheme, realm, who asked) for the test to check. Used by
// the browser tests and by the compatibility matrix's Chromium column (scripts/compat/clients/chromium.ts).

/** What Chromium reports in Fetch.authRequired (CDP Fetch.AuthChallenge). */
export type SeenChallenge = { source: 'Server' | 'Proxy'; origin: string; scheme: string; realm: string; url: string };

/** CDP Fetch.AuthChallengeResponse. */
export type AuthAnswer = { response: 'ProvideCredentials'; username: string; password: string } | { response: 'CancelAuth' } | { response: 'Default' };

/** Decides the answer to the n-th challenge (0-based) of this page. */
export type Answerer = (challenge: SeenChallenge, attempt: number) => AuthAnswer;

type RequestPaused = { requestId: string };
type AuthRequired = {
  requestId: string;
  request: { url: string };
  authChallenge: { source?: 'Server' | 'Proxy'; origin: string; scheme: string; realm: string };
};

export type CdpAuth = { challenges: SeenChallenge[]; session: CDPSession; detach: () => Promise<void> };

export const provide = (username: string, password: string): AuthAnswer => ({ response: 'ProvideCredentials', username, password });

/**
 * Makes `page` answer every 401/407 challenge with `answer`. Requests are paused only so the auth
 * step can be intercepted; each one is continued unchanged.
 */
export async function answerChallenges(context: BrowserContext, page: Page, answer: Answerer): Promise<CdpAuth> {
  const session = await context.newCDPSession(page);
  const challenges: SeenChallenge[] = [];
  // A command that fails because the page went away mid-test must not become an unhandled rejection.
  const send = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  session.on('Fetch.requestPaused', (event: RequestPaused) => {
    send(session.send('Fetch.continueRequest', { requestId: event.requestId }));
  });
  session.on('Fetch.authRequired', (event: AuthRequired) => {
    const { source = 'Server', origin, scheme, realm } = event.authChallenge;
    const challenge: SeenChallenge = { source, origin, scheme, realm, url: event.request.url };
    const authChallengeResponse = answer(challenge, challenges.length);
    challenges.push(challenge);
    send(session.send('Fetch.continueWithAuth', { requestId: event.requestId, authChallengeResponse }));
  });
  await session.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: '*' }] });
  return {
    challenges,
    session,
    detach: async () => {
      await session.send('Fetch.disable').catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}
