// The lab's OAuth consent page in Chromium (issue 18): it passes axe in both themes, and a keyboard alone
// signs in and allows, landing on the client's redirect URI with a code (a loopback listener of this file's
// own plays the client).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { s256Challenge } from '@/lib/oauth/pkce';
import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolationsInTheme, baseUrl } from './support/site';

let client: http.Server;
let redirectUri = '';
const arrived: URL[] = [];

beforeAll(async () => {
  client = http.createServer((request, response) => {
    arrived.push(new URL(request.url ?? '/', redirectUri));
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('Signed in: the client has its code.');
  });
  await new Promise<void>((resolve) => client.listen(0, '127.0.0.1', resolve));
  redirectUri = `http://127.0.0.1:${(client.address() as AddressInfo).port}/callback`;
});

afterAll(() => new Promise<void>((resolve) => client.close(() => resolve())));

async function authorizationUrl(): Promise<string> {
  const registered = await fetch(new URL('/api/sandbox/oauth/register', baseUrl()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ redirect_uris: [redirectUri], client_name: 'Keyboard client' }),
  });
  const { client_id } = (await registered.json()) as { client_id: string };
  const url = new URL('/api/sandbox/oauth/authorize', baseUrl());
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id,
    redirect_uri: redirectUri,
    state: 'keyboard',
    scope: 'whoami',
    resource: new URL('/api/sandbox/oauth/whoami', baseUrl()).href,
    code_challenge: s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

describe('the OAuth consent page', () => {
  test.each(['light', 'dark'] as ColorScheme[])('passes axe in %s', async (theme) => {
    // The page allows no script at all (default-src 'none'): axe gets in only past the policy.
    const session = await openBrowser({ colorScheme: theme, bypassCSP: true });
    try {
      await session.page.goto(await authorizationUrl(), { waitUntil: 'load' });
      await session.page.getByRole('heading', { level: 1, name: 'Allow access?' }).waitFor();
      expect(await axeViolationsInTheme(session.page, theme)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a keyboard alone signs in as alice and allows; a wrong password first is announced', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });
      await page.goto(await authorizationUrl(), { waitUntil: 'load' });
      // The page's own stylesheet applies (its policy allows it, and no second policy blocks it).
      await expect(page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).resolves.toBe('512px');
      await page.keyboard.press('Tab');
      await page.keyboard.type('alice');
      await page.keyboard.press('Tab');
      await page.keyboard.type('looking-glass');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert').innerText()).resolves.toContain('do not match a lab user');
      await page.getByLabel('User name').fill('alice');
      await page.getByLabel('Password').focus();
      await page.keyboard.type('wonderland');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Allow');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/callback');
      const landed = arrived.filter((url) => url.pathname === '/callback').at(-1);
      expect(landed?.searchParams.get('state')).toBe('keyboard');
      expect(landed?.searchParams.get('code')).toBeTruthy();
      expect(landed?.searchParams.get('iss')).toBe(new URL('/api/sandbox/oauth', baseUrl()).href);
      expect(refused).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
