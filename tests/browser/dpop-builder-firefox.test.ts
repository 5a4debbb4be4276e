jest.setTimeout(120_000);
// The DPoP proof builder (issue 19) in Firefox ESR (puppeteer-core over WebDriver BiDi, scripts/firefox.ts):
// Firefox's WebCrypto makes the key and signs the proofs, as Chromium's does in dpop-builder.test.ts. The same
// walk: a key, a token bound to it as alice, the resource's nonce round trip to 200, a broken htu refused.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox } from '@/scripts/firefox';
import { baseUrl, reactHydrated } from './support/site';

let firefox: Browser;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

/** The control with `role` and exact `name` inside `scope`, asked of Firefox's own accessibility tree. */
async function find(scope: ElementHandle, role: string, name: string): Promise<ElementHandle<Element>> {
  const element = await scope.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`);
  if (!element) throw new Error(`no ${role} "${name}"`);
  return element;
}

/** Resolves with the builder's live region text once it matches `pattern`. */
async function statusMatching(page: Page, pattern: RegExp): Promise<string> {
  const text = await page.waitForFunction(
    (source) => {
      const line = document.querySelector('#dpop [role=status]')?.textContent ?? '';
      return new RegExp(source).test(line) ? line : false;
    },
    {},
    pattern.source,
  );
  return String(await text.jsonValue());
}

/** The text of the builder's article named `name` (a request and its answer). */
const articleText = (page: Page, name: string) => page.$eval(`#dpop article[aria-label=${JSON.stringify(name)}]`, (article) => article.textContent ?? '');

test('Firefox: generate a key, get a DPoP-bound token as alice, nonce round trip to 200, then a broken htu is refused', async () => {
  const context = await firefox.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/playground#dpop`, { waitUntil: 'load' });
    await page.waitForFunction(reactHydrated);
    const section = await page.waitForSelector('#dpop');
    if (!section) throw new Error('no #dpop section');

    await (await find(section, 'button', 'Generate a key')).click();
    const jkt = (await statusMatching(page, /^Key generated\. Thumbprint /)).replace(/^Key generated\. Thumbprint |\.$/g, '');
    expect(jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const form = await page.waitForSelector('#dpop form');
    if (!form) throw new Error('no sign-in form');
    await (await find(form, 'textbox', 'User name')).type('alice');
    await (await form.waitForSelector('input[type=password]'))?.type('wonderland');
    await (await find(form, 'button', 'Sign in and get a token')).click();
    await statusMatching(page, /^Token issued/);
    expect(await articleText(page, 'Token request with a proof, no nonce yet')).toMatch(/Refused: 400 use_dpop_nonce[\s\S]*DPoP-Nonce:/);
    expect(await articleText(page, 'Token request again, with the nonce')).toContain('Accepted: 200');
    expect(await section.evaluate((element) => element.textContent)).toContain(`cnf.jkt ${jkt} is your key\u2019s thumbprint`);

    const send = await find(section, 'button', 'Sign and send GET /api/sandbox/oauth/dpop');
    await send.click();
    await statusMatching(page, /^Refused: 401 use_dpop_nonce$/);
    expect(await articleText(page, 'Call 1: GET /api/sandbox/oauth/dpop')).toContain('DPoP-Nonce:');
    await send.click();
    await statusMatching(page, /^Accepted: 200$/);

    const breaks = await page.waitForSelector('#dpop fieldset');
    if (!breaks) throw new Error('no fieldset');
    await (await find(breaks, 'radio', 'htu: another URL')).click();
    await (await find(section, 'button', 'Send the broken request')).click();
    const said = await statusMatching(page, /^Refused: 401 invalid_dpop_proof\. /);
    expect(said).toContain('htu');
    expect(await articleText(page, 'Broken request: htu: another URL')).toMatch(/Refused: 401 invalid_dpop_proof[\s\S]*The lab says: .*htu/);
  } finally {
    await context.close();
  }
});
