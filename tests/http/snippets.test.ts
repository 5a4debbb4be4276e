// Snippets run for real: the playground's curl, Python, Node and fetch snippets, executed against the
// production server, must print the status the sandbox gives for the same request (which
// /api/exchange reports). A snippet that quotes wrongly or drops a header fails here. In auto mode
// they must also answer challenges with what the playground's client holds, and end where its
// conversation ends. Every run stays on loopback: the lab is the only server, and the only proxy.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { playgroundReducer, requestForSend, type PlaygroundAction } from '@/lib/playground/reducer';
import { snippetFor, type SnippetLanguage } from '@/lib/playground/snippets';
import { snippetPlanFor } from '@/lib/playground/snippets/plan';
import type { ClientProfile } from '@/lib/sandbox/scenario/client-profile';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { LEGACY_OPENSSL_CONF, pythonImporting, requirePython } from './support/python';
import { baseUrl } from './support/lab';

const run = promisify(execFile);

/**
 * The NTLM snippets import requests_ntlm (Debian: python3-requests-ntlm), which may live in another
 * python3 than the one requirePython finds first; and on Debian 12 its MD4 needs OpenSSL's legacy
 * provider, which the snippet's comment tells readers to turn on with OPENSSL_CONF, as done here.
 */
const pythonWithNtlm = pythonImporting('requests_ntlm');
/** base64("alice:wonderland"), RFC 7617 §2. */
const ALICE_BASIC = 'Basic YWxpY2U6d29uZGVybGFuZA==';

type Case = { name: string; preset: string; actions: PlaygroundAction[]; status: number; proxyAuthorization?: boolean };

const CASES: Case[] = [
  { name: 'basic, alice:wonderland', preset: 'basic', actions: [{ type: 'set-credentials', field: 'Authorization', value: ALICE_BASIC }], status: 200 },
  { name: 'basic, no credentials', preset: 'basic', actions: [], status: 401 },
  {
    name: 'proxy, Proxy-Authorization only',
    preset: 'proxy-then-origin',
    actions: [{ type: 'set-credentials', field: 'Proxy-Authorization', value: ALICE_BASIC }],
    status: 401,
    proxyAuthorization: true,
  },
  { name: 'bearer, a garbage token', preset: 'bearer', actions: [{ type: 'set-credentials', field: 'Authorization', value: 'Bearer not-a-jwt' }], status: 401 },
  {
    name: 'forbidden-by-role, DELETE as alice',
    preset: 'forbidden-by-role',
    actions: [{ type: 'set-credentials', field: 'Authorization', value: ALICE_BASIC }],
    status: 403,
  },
  { name: 'digest-auth-int, POST with a body, no credentials', preset: 'digest-auth-int', actions: [], status: 401 },
];

/** The request as edited, in manual mode: what these cases check is the request itself. */
function stateFor(testCase: Case): PlaygroundState {
  const preset = findPreset(testCase.preset);
  if (!preset) throw new Error(`no preset ${testCase.preset}`);
  return [...testCase.actions, { type: 'set-mode', mode: 'manual' } as const].reduce(playgroundReducer, stateForPreset(preset));
}

/** The statuses of the conversation /api/exchange reports for a state, sent as the playground sends it. */
async function exchangeStatuses(state: PlaygroundState): Promise<number[]> {
  const send = requestForSend(state);
  if (send.kind !== 'ready') throw new Error(`invalid request: ${send.problems.join('; ')}`);
  const response = await fetch(`${baseUrl()}/api/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(send.input),
  });
  const transcript = (await response.json()) as { steps: { response: { status: number } }[] };
  return transcript.steps.map((step) => step.response.status);
}

/** The status the sandbox gives: one manual step, as the playground sends it. */
async function sandboxStatus(state: PlaygroundState): Promise<number> {
  return (await exchangeStatuses(playgroundReducer(state, { type: 'set-mode', mode: 'manual' })))[0] ?? 0;
}

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function runSnippet(language: SnippetLanguage, snippet: string, name: string): Promise<string> {
  const file = (extension: string) => {
    const at = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}-${language}.${extension}`);
    fs.writeFileSync(at, `${snippet}\n`);
    return at;
  };
  // No proxy from the environment: the lab is the only proxy a snippet may use (its own -x or proxies=).
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(all|https?|no)_proxy$/i.test(name)) delete env[name];
  const options = { encoding: 'utf8' as const, timeout: 20_000, env };
  switch (language) {
    case 'curl':
      return (await run('sh', ['-c', snippet], options)).stdout;
    case 'python': {
      // The snippet is for requests, not urllib.
      if (!snippet.includes('from requests_ntlm import')) return (await run(requirePython(), [file('py')], options)).stdout;
      if (!pythonWithNtlm) throw new Error('no python3 with requests_ntlm: install python3-requests-ntlm');
      const conf = path.join(dir, 'legacy-openssl.cnf');
      fs.writeFileSync(conf, LEGACY_OPENSSL_CONF);
      return (await run(pythonWithNtlm, [file('py')], { ...options, env: { ...env, OPENSSL_CONF: conf } })).stdout;
    }
    case 'node':
    case 'fetch':
      return (await run(process.execPath, [file('mjs')], options)).stdout;
    case 'httpie':
      throw new Error('HTTPie is checked by golden strings only (it may not be installed)');
    default: {
      const never: never = language;
      return never;
    }
  }
}

/**
 * curl -i prints "HTTP/1.1 401 Unauthorized" for each response, so the last one is where the
 * conversation ended; the scripts print the final response's "401 Unauthorized" first.
 */
function printedStatus(language: SnippetLanguage, output: string): number {
  const first = output.split(/\r?\n/, 1)[0] ?? '';
  const match = language === 'curl' ? [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})\b/gm)].at(-1) : /^(\d{3})\b/.exec(first);
  if (!match) throw new Error(`no status line in:\n${output}`);
  return Number(match[1]);
}

describe.each(CASES)('$name', (testCase) => {
  const state = stateFor(testCase);

  test('the sandbox gives the expected status', async () => {
    expect(await sandboxStatus(state)).toBe(testCase.status);
  });

  test.each<SnippetLanguage>(['curl', 'python', 'node'])('%s prints the same status', async (language) => {
    const snippet = snippetFor(language, snippetPlanFor(state, baseUrl()));
    const output = await runSnippet(language, snippet, testCase.name);
    expect(printedStatus(language, output)).toBe(testCase.status);
    // Every challenge comes back on its own line (Node and Python print raw header lines).
    if (testCase.status === 401) expect(output).toMatch(/^www-authenticate: /im);
  });

  if (testCase.proxyAuthorization) {
    test('fetch leaves Proxy-Authorization out and says why', () => {
      const snippet = snippetFor('fetch', snippetPlanFor(state, baseUrl()));
      expect(snippet).toMatch(/^\/\/ Proxy-Authorization is a forbidden request header/);
      expect(snippet).not.toContain('["Proxy-Authorization"');
    });
  } else {
    test('fetch (Node 20, global fetch) prints the same status', async () => {
      const snippet = snippetFor('fetch', snippetPlanFor(state, baseUrl()));
      expect(printedStatus('fetch', await runSnippet('fetch', snippet, testCase.name))).toBe(testCase.status);
    });
  }
});

test('Node keeps repeated fields apart: two Authorization lines are a 400 (RFC 9110 §11.6.2)', async () => {
  const preset = findPreset('basic');
  if (!preset) throw new Error('no preset basic');
  let state = stateForPreset(preset);
  for (let i = 0; i < 2; i++) state = playgroundReducer(state, { type: 'add-header', name: 'Authorization', value: ALICE_BASIC });
  const expected = await sandboxStatus(state);
  expect(expected).toBe(400);
  const output = await runSnippet('node', snippetFor('node', snippetPlanFor(state, baseUrl())), 'repeated');
  expect(printedStatus('node', output)).toBe(expected);
});

test.each<SnippetLanguage>(['node', 'python', 'curl'])('%s prints each of several challenges on its own line (RFC 9110 §11.6.1)', async (language) => {
  const preset = findPreset('several-challenges');
  if (!preset) throw new Error('no preset several-challenges');
  const state = playgroundReducer(stateForPreset(preset), { type: 'set-mode', mode: 'manual' });
  const output = await runSnippet(language, snippetFor(language, snippetPlanFor(state, baseUrl())), 'several');
  expect(printedStatus(language, output)).toBe(401);
  const challenges = output.split(/\r?\n/).filter((line) => /^www-authenticate: /i.test(line));
  expect(challenges.map((line) => line.split(' ')[1])).toEqual(['Digest', 'Bearer', 'Basic']);
});

// Auto mode: the playground's client answers each challenge with what it holds; the snippets must too.
type AutoCase = {
  name: string;
  preset: string;
  /** Appended to the preset's target: scenario overrides such as proxy=digest. */
  query?: string;
  client?: Partial<ClientProfile>;
  /** Where the playground's conversation ends (checked against /api/exchange, so a changed preset shows). */
  status: number;
  /** The languages that can have that conversation; the others say in the snippet why they cannot. */
  languages: SnippetLanguage[];
};

const ALICE = { kind: 'password', user: 'alice', password: 'wonderland', charset: 'UTF-8' } as const;
const ALL: SnippetLanguage[] = ['curl', 'python', 'node', 'fetch'];

const AUTO_CASES: AutoCase[] = [
  {
    name: 'Basic, alice / looking-glass',
    preset: 'basic-missing-credentials',
    client: { origin: { ...ALICE, password: 'looking-glass' } },
    status: 401,
    languages: ALL,
  },
  { name: 'Basic, alice / wonderland', preset: 'basic-missing-credentials', status: 200, languages: ALL },
  { name: 'Basic, zoë / 123£ in UTF-8', preset: 'basic-non-ascii', status: 200, languages: ALL },
  {
    name: 'Basic, zoë / 123£ in ISO-8859-1',
    preset: 'basic-non-ascii',
    client: { origin: { kind: 'password', user: 'zoë', password: '123£', charset: 'ISO-8859-1' } },
    // charset="UTF-8" was asked for: bytes that are not UTF-8 make a malformed request.
    status: 400,
    languages: ALL,
  },
  { name: 'Digest, alice / wonderland', preset: 'digest', status: 200, languages: ['curl', 'python'] },
  {
    name: 'Digest, alice / looking-glass',
    preset: 'digest',
    client: { origin: { ...ALICE, password: 'looking-glass' } },
    status: 401,
    languages: ['curl', 'python'],
  },
  { name: 'Bearer, a valid token', preset: 'bearer', status: 200, languages: ALL },
  { name: 'Bearer, an expired token, refreshed once', preset: 'bearer-expired-token', status: 200, languages: ALL },
  { name: 'Bearer, a token without the scope needed', preset: 'bearer-insufficient-scope', status: 403, languages: ALL },
  {
    name: 'Bearer, a forged token',
    preset: 'bearer',
    client: { origin: { kind: 'token', token: 'forged', subject: 'alice', scope: ['read'] } },
    status: 401,
    languages: ALL,
  },
  {
    name: 'Bearer, not a token',
    preset: 'bearer',
    client: { origin: { kind: 'token', token: 'garbage', subject: 'alice', scope: ['read'] } },
    status: 401,
    languages: ALL,
  },
  { name: 'Basic proxy, then Basic origin', preset: 'proxy-then-origin', status: 200, languages: ['curl', 'python', 'node'] },
  {
    name: 'Basic proxy with a wrong password',
    preset: 'proxy-then-origin',
    client: { proxy: { ...ALICE, password: 'looking-glass' } },
    status: 407,
    languages: ['curl', 'python', 'node'],
  },
  { name: 'Digest proxy, then Basic origin', preset: 'proxy-then-origin', query: '?proxy=digest', status: 200, languages: ['curl'] },
  // NTLM's three legs on one kept-alive connection: curl --ntlm and requests_ntlm run them; fetch and node:http cannot.
  { name: 'NTLM, alice / wonderland', preset: 'ntlm', status: 200, languages: ['curl', 'python'] },
  {
    name: 'NTLM, alice / looking-glass',
    preset: 'ntlm',
    client: { origin: { ...ALICE, password: 'looking-glass' } },
    status: 401,
    languages: ['curl', 'python'],
  },
  // curl's --negotiate is GSS-API (Kerberos) only; requests_ntlm sends NTLM inside Negotiate.
  { name: 'Negotiate, alice / wonderland', preset: 'negotiate', status: 200, languages: ['python'] },
  { name: 'NTLM proxy, then Basic origin', preset: 'ntlm-proxy', status: 200, languages: ['curl'] },
];

function autoStateFor(testCase: AutoCase): PlaygroundState {
  const preset = findPreset(testCase.preset);
  if (!preset) throw new Error(`no preset ${testCase.preset}`);
  const state = stateForPreset(preset);
  return {
    ...state,
    request: { ...state.request, target: `${state.request.target}${testCase.query ?? ''}` },
    client: { ...state.client, ...testCase.client },
  };
}

/** Where the playground's auto conversation ends: the last step /api/exchange reports. */
async function conversationStatus(state: PlaygroundState): Promise<number> {
  return (await exchangeStatuses(state)).at(-1) ?? 0;
}

describe.each(AUTO_CASES)('auto mode: $name', (testCase) => {
  const state = autoStateFor(testCase);

  test("the playground's conversation ends with the expected status", async () => {
    expect(await conversationStatus(state)).toBe(testCase.status);
  });

  test.each(testCase.languages)('%s ends its conversation with the same status', async (language) => {
    const snippet = snippetFor(language, snippetPlanFor(state, baseUrl()));
    const output = await runSnippet(language, snippet, `auto ${testCase.name}`);
    expect(printedStatus(language, output)).toBe(testCase.status);
  });
});

// The snippets that cannot run NTLM's legs say so, send no credentials, and get the 401 they predict.
describe.each(['ntlm', 'negotiate'])('auto mode, %s: fetch and node:http', (id) => {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const state = stateForPreset(preset);

  test.each<SnippetLanguage>(['fetch', 'node'])('%s says it has no NTLM, names an NTLM client, and gets 401', async (language) => {
    const snippet = snippetFor(language, snippetPlanFor(state, baseUrl()));
    expect(snippet).toMatch(/has no (NTLM|Negotiate)/);
    expect(snippet).toContain('httpntlm');
    expect(snippet).not.toMatch(/'Authorization'|\["Authorization"/);
    expect(printedStatus(language, await runSnippet(language, snippet, `no ntlm ${id}`))).toBe(401);
  });
});

// The playground's client opens a new connection per request and is refused; curl and requests_ntlm keep
// the connection alive, so they get through, and the snippet says why the two differ.
describe('auto mode: NTLM with a new connection between the legs', () => {
  const preset = findPreset('ntlm-split-connection');
  if (!preset) throw new Error('no preset ntlm-split-connection');
  const state = stateForPreset(preset);

  test("the playground's client is refused: 401 after the AUTHENTICATE", async () => {
    expect(await exchangeStatuses(state)).toEqual([401, 401, 401]);
  });

  test.each<SnippetLanguage>(['curl', 'python'])('%s keeps the connection, gets 200, and says why it differs', async (language) => {
    const snippet = snippetFor(language, snippetPlanFor(state, baseUrl()));
    expect(snippet).toContain('a real client keeps the connection alive between the legs');
    expect(printedStatus(language, await runSnippet(language, snippet, 'ntlm split'))).toBe(200);
  });
});
