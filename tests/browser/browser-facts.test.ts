// Every browser fact a lesson states (content/browser-facts.yaml, rendered by <BrowserFacts>) checked in
// both engines at once: Debian's Chromium (the run's shared real one, not its headless shell) and Firefox ESR (launched once for this
// file), a fresh context of each per fact, against the lab's production server and a loopback server of
// this file's own; fetch-status facts also in Node's fetch. The test iterates the file: a fact edited to
// a value an engine does not show fails here, and the diff names the fact and the engine.
import { chromium, type Browser as ChromiumBrowser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { REAL_CHROMIUM_ENDPOINT_VARIABLE } from '@/scripts/chromium.mjs';
import { BROWSER_FACTS } from '@/lib/content/browser-facts';
import type { BrowserFact } from '@/lib/content/browser-facts-schema';
import { type FactServer, startFactServer } from './support/fact-server';
import { probeInNode, probeInPage, type ProbeTargets } from './support/fact-probes';
import { launchFirefox } from '@/scripts/firefox';
import { openChromiumPage, openFirefoxPage, type ProbePage } from './support/probe-page';
import { baseUrl } from './support/site';

let facts: FactServer;
let chromiumBrowser: ChromiumBrowser;
let firefox: FirefoxBrowser;
const targets = (): ProbeTargets => ({ lab: baseUrl(), facts });

beforeAll(async () => {
  const endpoint = process.env[REAL_CHROMIUM_ENDPOINT_VARIABLE];
  if (!endpoint) throw new Error(`${REAL_CHROMIUM_ENDPOINT_VARIABLE} is not set: run this file through Jest's browser project`);
  [facts, chromiumBrowser, firefox] = await Promise.all([startFactServer(), chromium.connect(endpoint), launchFirefox()]);
});

afterAll(async () => {
  // Disconnecting closes this file's contexts; the shared Chromium runs on.
  await Promise.all([facts?.close(), chromiumBrowser?.close(), firefox?.close()]);
});

async function probe(open: () => Promise<ProbePage>, fact: BrowserFact) {
  const page = await open();
  try {
    return await probeInPage(page, fact, targets());
  } finally {
    await page.close();
  }
}

/** What the file says each client does, in the shape the probes return. */
const recorded = (fact: BrowserFact) =>
  fact.kind === 'fetch-status' ? { chromium: fact.chromium, firefox: fact.firefox, node: fact.node } : { chromium: fact.chromium, firefox: fact.firefox };

test.each(BROWSER_FACTS.map((fact) => [fact.id, fact] as const))('%s: Chromium and Firefox do what content/browser-facts.yaml says', async (_id, fact) => {
  const [chromiumSaw, firefoxSaw, nodeSaw] = await Promise.all([
    probe(() => openChromiumPage(chromiumBrowser), fact),
    probe(() => openFirefoxPage(firefox), fact),
    fact.kind === 'fetch-status' ? probeInNode(fact, targets()) : undefined,
  ]);
  const seen = nodeSaw === undefined ? { chromium: chromiumSaw, firefox: firefoxSaw } : { chromium: chromiumSaw, firefox: firefoxSaw, node: nodeSaw };
  expect(seen).toEqual(recorded(fact));
});
