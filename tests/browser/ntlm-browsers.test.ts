// What Chromium and Firefox ESR do with the lab's NTLM and Negotiate challenges when the reader gives them
// a user name and password (the test supplies them as the browser's own sign-in prompt would take them;
// Chromium through the DevTools protocol, Firefox through WebDriver BiDi). Both run NTLM v2 themselves;
// neither answers a Negotiate challenge on this machine, which has no Kerberos ticket to offer. Lesson 17
// states these facts; this test is where they are observed.
import type { Browser } from 'puppeteer-core';
import { openBrowser } from './support/chromium';
import { launchFirefox } from '@/scripts/firefox';
import { baseUrl } from './support/site';

const ALICE = { username: 'alice', password: 'wonderland' };

type Seen = { status: number | undefined; body: string };

async function inChromium(path: string, credentials = ALICE): Promise<Seen> {
  const session = await openBrowser({ httpCredentials: credentials, realChromium: true });
  try {
    const response = await session.page.goto(`${baseUrl()}${path}`);
    return { status: response?.status(), body: await session.page.evaluate(() => document.body.innerText) };
  } finally {
    await session.close();
  }
}

let firefox: Browser;

beforeAll(async () => {
  firefox = await launchFirefox();
}, 60_000);

afterAll(async () => {
  await firefox?.close();
});

async function inFirefox(path: string, credentials = ALICE): Promise<Seen | { error: string }> {
  const context = await firefox.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.authenticate(credentials);
    const response = await page.goto(`${baseUrl()}${path}`).catch((error: unknown) => String(error));
    if (typeof response === 'string') return { error: response };
    return { status: response?.status(), body: await page.evaluate(() => document.body.innerText) };
  } finally {
    await context.close();
  }
}

const granted = (body: string) => JSON.parse(body) as { user?: string; scheme?: string; connection?: { id: number; authenticated: boolean } };

describe('NTLM on the origin', () => {
  test('Chromium runs the three legs itself and gets 200 as alice, on one connection', async () => {
    const seen = await inChromium('/api/sandbox/ntlm');
    expect(seen.status).toBe(200);
    expect(granted(seen.body)).toMatchObject({ user: 'alice', scheme: 'NTLM', connection: { authenticated: true } });
  });

  test('Firefox ESR runs the three legs itself and gets 200 as alice, on one connection', async () => {
    const seen = await inFirefox('/api/sandbox/ntlm');
    if ('error' in seen) throw new Error(seen.error);
    expect(seen.status).toBe(200);
    expect(granted(seen.body)).toMatchObject({ user: 'alice', scheme: 'NTLM', connection: { authenticated: true } });
  });

  // Firefox, given the same wrong password, ends the navigation with an error once its prompt is answered
  // twice; what it shows a person then is its own UI, which this test does not judge.
  test('a wrong password: Chromium shows the lab 401 that says the proof did not match', async () => {
    const chromium = await inChromium('/api/sandbox/ntlm', { username: 'alice', password: 'looking-glass' });
    expect(chromium.status).toBe(401);
    expect(chromium.body).toMatch(/NTProofStr/);
  });
});

describe('Negotiate without Kerberos', () => {
  test('Chromium sends no token at all: the page shows the bare 401', async () => {
    const seen = await inChromium('/api/sandbox/negotiate');
    expect(seen.status).toBe(401);
    expect(seen.body).toMatch(/needs credentials/);
  });

  test('Firefox ESR does not get through either', async () => {
    const seen = await inFirefox('/api/sandbox/negotiate');
    expect('error' in seen ? 'no response' : seen.status).not.toBe(200);
  });
});
