import path from 'node:path';
import { readDataFile } from './data-file';
import { type BrowserFact, browserFactsFileSchema, type FetchOutcome } from './browser-facts-schema';

// The browser facts the lessons state, read from content/browser-facts.yaml on the server (the
// <BrowserFacts> widget at build time, the tests) and refused at load, so a broken edit fails the build.
// What a reader sees for each engine is written here from the recorded outcome, never typed twice: the
// browser test checks the outcome, so the sentence cannot say something the engine does not do.

export const BROWSER_FACTS_FILE = path.join(process.cwd(), 'content', 'browser-facts.yaml');

/** The engines every fact is checked in, in the order a table shows them. */
export const BROWSER_ENGINES = ['chromium', 'firefox'] as const;
export type BrowserEngine = (typeof BROWSER_ENGINES)[number];
/** Node's own fetch, recorded beside the browsers for fetch-status facts. */
export type FetchClient = BrowserEngine | 'node';

export const CLIENT_NAMES: Record<FetchClient, string> = { chromium: 'Chromium', firefox: 'Firefox', node: 'Node.js fetch' };

export function loadBrowserFacts(file: string = BROWSER_FACTS_FILE): BrowserFact[] {
  return readDataFile(file, browserFactsFileSchema).facts;
}

export const BROWSER_FACTS = loadBrowserFacts();

function fetchOutcomeText(outcome: FetchOutcome): string {
  switch (outcome.kind) {
    case 'resolves':
      return `\`fetch\` resolves with the ${outcome.status} response: the page reads its status and body.`;
    case 'rejects':
      return `\`fetch\` rejects with \`TypeError: ${outcome.message}\`${outcome.networkError ? `; the request fails with \`${outcome.networkError}\`` : ''}.`;
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown fetch outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/** What `client` does, as a sentence in which `backticks` mark code; undefined when the fact does not record it. */
export function outcomeText(fact: BrowserFact, client: FetchClient): string | undefined {
  if (client === 'node') return fact.kind === 'fetch-status' ? fetchOutcomeText(fact.node) : undefined;
  switch (fact.kind) {
    case 'login-dialog':
      return fact[client].prompts
        ? 'Opens its login dialog; `fetch` waits until the user answers it.'
        : 'No login dialog: `fetch` resolves with the 401 and its challenge.';
    case 'fetch-status':
      return fetchOutcomeText(fact[client]);
    case 'script-header':
      return fact[client].sent
        ? `Sends \`${fact.probe.name}\` as the script set it.`
        : `Silently leaves \`${fact.probe.name}\` out of the request; \`fetch\` throws nothing.`;
    case 'redirect-authorization':
      return fact[client].kept ? 'Keeps `Authorization` on the redirected request.' : 'Removes `Authorization` from the redirected request.';
    case 'joined-header': {
      const seen = fact[client];
      return seen.kind === 'joined'
        ? `\`get()\` returns one string: the lines joined with \`${JSON.stringify(seen.separator)}\`.`
        : '`get()` returns `null`: the page cannot read the challenges at all.';
    }
    case 'challenge-answer': {
      const { answers } = fact[client];
      return answers === 'none' ? 'Ignores the challenge: no login dialog, and `fetch` resolves with the 401.' : `Answers with ${answers}.`;
    }
    case 'remembered-credentials':
      return fact[client].attaches
        ? 'Sends the remembered credentials: the server answers 200.'
        : 'Leaves the remembered credentials out: the server answers 401.';
    default: {
      const unknown: never = fact;
      throw new Error(`Unknown browser fact ${JSON.stringify(unknown)}`);
    }
  }
}

/** True when Chromium and Firefox were seen to do different things. */
export const enginesDiffer = (fact: BrowserFact): boolean => JSON.stringify(fact.chromium) !== JSON.stringify(fact.firefox);

export function findBrowserFact(id: string, facts: readonly BrowserFact[] = BROWSER_FACTS): BrowserFact | undefined {
  return facts.find((fact) => fact.id === id);
}
