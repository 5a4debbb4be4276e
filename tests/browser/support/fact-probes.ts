import http from 'node:http';
import * as z from 'zod';
import type { BrowserFact, FetchOutcome } from '@/lib/content/browser-facts-schema';
import type { FactServer } from './fact-server';
import { type PageFetchResult, type ProbePage, USER } from './probe-page';

// The probe behind each kind of browser fact (content/browser-facts.yaml): it runs in one engine's page
// and returns what it saw, in the shape the file records for that engine, so the test compares the two
// with one toEqual. A probe throws when the engine did something the fact's sentence does not allow
// for at all (a dialog where the sentence says there is none), with what it saw.

export type ProbeTargets = { lab: string; facts: FactServer };
/** What a fact records for one engine. */
export type EngineOutcome<Fact extends BrowserFact> = Fact['chromium'];

const basicCredentials = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const successSchema = z.object({ authenticated: z.literal(true), scheme: z.enum(['Basic', 'Digest']) });
const echoSchema = z.object({ headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])) });

const seen = (result: PageFetchResult) => (result.kind === 'resolves' ? `status ${result.status}` : `${result.name}: ${result.message}`);

/** A lab page to run the probe in: a small same-origin document. */
const labDocument = (targets: ProbeTargets) => `${targets.lab}/robots.txt`;

/** Asks once for the user's credentials (the dialog, answered), so the engine remembers them. */
async function signIn(page: ProbePage, url: string) {
  const result = await page.fetch({ url, credentials: 'include' });
  if (result.kind !== 'resolves' || result.status !== 200 || page.prompts() !== 1) {
    throw new Error(`signing in through the dialog did not work: ${seen(result)} after ${page.prompts()} prompt(s)`);
  }
}

/** The field lines of `name` exactly as the server sent them, read with node:http (no joining). */
function rawFieldLines(url: string, name: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume();
        const raw = response.rawHeaders;
        const lines: string[] = [];
        for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name.toLowerCase()) lines.push(raw[i + 1] ?? '');
        resolve(lines);
      })
      .on('error', reject);
  });
}

/** What a page's fetch ended with, in the file's terms. */
function fetchOutcome(page: ProbePage, url: string, result: PageFetchResult): FetchOutcome {
  if (result.kind === 'resolves') return { kind: 'resolves', status: result.status };
  const [networkError] = page.networkErrors(url);
  return networkError ? { kind: 'rejects', message: result.message, networkError } : { kind: 'rejects', message: result.message };
}

export async function probeInPage(page: ProbePage, fact: BrowserFact, targets: ProbeTargets): Promise<EngineOutcome<BrowserFact>> {
  switch (fact.kind) {
    case 'login-dialog': {
      const { path, credentials, crossOrigin } = fact.probe;
      await page.goto(crossOrigin ? `${targets.facts.origin}/` : labDocument(targets));
      const result = await page.fetch({ url: `${targets.lab}${path}`, credentials });
      const prompted = page.prompts() > 0;
      // An answered dialog means the engine repeated the request with alice's credentials: 200.
      // No dialog on a same-origin request: the page gets the 401 itself.
      // Cross-origin, the page may not read the answer at all (the lab allows any origin with `*`, which
      // never admits a credentialed request), so only the dialog itself is compared.
      const expected = crossOrigin ? undefined : prompted ? 200 : 401;
      if (expected !== undefined && (result.kind !== 'resolves' || result.status !== expected)) {
        throw new Error(`${prompted ? 'after the dialog was answered' : 'without a dialog'} the page expected ${expected}, saw ${seen(result)}`);
      }
      return { prompts: prompted };
    }
    case 'fetch-status': {
      await page.goto(labDocument(targets));
      const url = `${targets.lab}${fact.probe.path}`;
      const headers: [string, string][] = fact.probe.basicUser ? [['Authorization', basicCredentials(USER.username, USER.password)]] : [];
      const result = await page.fetch({ url, credentials: 'same-origin', headers });
      if (page.prompts() > 0) throw new Error(`the engine asked for credentials ${page.prompts()} time(s); this fact is about fetch with no dialog`);
      return fetchOutcome(page, url, result);
    }
    case 'script-header': {
      const { name, value, credentials } = fact.probe;
      await page.goto(`${targets.facts.origin}/`);
      const result = await page.fetch({ url: `${targets.facts.origin}/echo`, credentials, headers: [[name, value]] });
      if (result.kind !== 'resolves' || result.status !== 200) throw new Error(`the echo request failed: ${seen(result)}`);
      return { sent: echoSchema.parse(JSON.parse(result.body)).headers[name.toLowerCase()] === value };
    }
    case 'redirect-authorization': {
      const { origin, otherOrigin } = targets.facts;
      const target = `${fact.probe.redirect === 'same-origin' ? origin : otherOrigin}/echo`;
      const authorization = basicCredentials(USER.username, USER.password);
      await page.goto(`${origin}/`);
      const result = await page.fetch({
        url: `${origin}/redirect?to=${encodeURIComponent(target)}`,
        credentials: 'same-origin',
        headers: [['Authorization', authorization]],
      });
      if (result.kind !== 'resolves' || result.status !== 200) throw new Error(`the redirected request failed: ${seen(result)}`);
      return { kept: echoSchema.parse(JSON.parse(result.body)).headers.authorization === authorization };
    }
    case 'joined-header': {
      const url = `${targets.lab}${fact.probe.path}`;
      await page.goto(labDocument(targets));
      // 'omit': a Basic challenge must not bring up the dialog here.
      const [result, lines] = await Promise.all([page.fetch({ url, credentials: 'omit' }), rawFieldLines(url, 'WWW-Authenticate')]);
      const [first, second] = lines;
      if (result.kind !== 'resolves' || first === undefined || second === undefined) {
        throw new Error(`the probe needs a response with several WWW-Authenticate lines: ${seen(result)}, ${lines.length} line(s)`);
      }
      const value = result.wwwAuthenticate;
      if (value === null) return { kind: 'hidden' };
      // The separator is what lies between the first line and the second, if the value is a join at all.
      const separator = value.slice(first.length, value.indexOf(second, first.length));
      return { kind: 'joined', separator: value === lines.join(separator) ? separator : `(not a join of the lines: ${value})` };
    }
    case 'challenge-answer': {
      await page.goto(labDocument(targets));
      const result = await page.fetch({ url: `${targets.lab}${fact.probe.path}`, credentials: 'same-origin' });
      if (result.kind === 'resolves' && result.status === 200) return { answers: successSchema.parse(JSON.parse(result.body)).scheme };
      if (result.kind === 'resolves' && result.status === 401 && page.prompts() === 0) return { answers: 'none' };
      throw new Error(`neither answered (200) nor ignored (401 without a dialog): ${seen(result)} after ${page.prompts()} prompt(s)`);
    }
    case 'remembered-credentials': {
      const url = `${targets.lab}${fact.probe.path}`;
      await page.goto(labDocument(targets));
      await signIn(page, url);
      const result = await page.fetch({ url, credentials: fact.probe.credentials });
      if (page.prompts() !== 1) throw new Error(`the engine asked again (${page.prompts()} prompts): this fact is about what it sends unasked`);
      if (result.kind !== 'resolves' || (result.status !== 200 && result.status !== 401)) throw new Error(`expected 200 or 401, saw ${seen(result)}`);
      return { attaches: result.status === 200 };
    }
    default: {
      const unknown: never = fact;
      throw new Error(`No probe for ${JSON.stringify(unknown)}`);
    }
  }
}

/** Node's own fetch (undici) for a fetch-status fact, from the test's process. */
export async function probeInNode(fact: Extract<BrowserFact, { kind: 'fetch-status' }>, targets: ProbeTargets): Promise<FetchOutcome> {
  const headers: [string, string][] = fact.probe.basicUser ? [['Authorization', basicCredentials(USER.username, USER.password)]] : [];
  try {
    const response = await fetch(`${targets.lab}${fact.probe.path}`, { headers });
    await response.arrayBuffer();
    return { kind: 'resolves', status: response.status };
  } catch (error) {
    return { kind: 'rejects', message: (error as Error).message };
  }
}
