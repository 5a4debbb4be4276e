// Snippets run for real: the playground's curl, Python, Node and fetch snippets, executed against the
// production server, must print the status the sandbox gives for the same request (which
// /api/exchange reports). A snippet that quotes wrongly or drops a header fails here.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { playgroundReducer, requestForSend, type PlaygroundAction } from '@/lib/playground/reducer';
import { snippetFor, snippetRequestFor, type SnippetLanguage } from '@/lib/playground/snippets';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { requirePython } from './support/python';
import { baseUrl } from './support/lab';

const run = promisify(execFile);
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

function stateFor(testCase: Case): PlaygroundState {
  const preset = findPreset(testCase.preset);
  if (!preset) throw new Error(`no preset ${testCase.preset}`);
  return testCase.actions.reduce(playgroundReducer, stateForPreset(preset));
}

/** The status the sandbox gives: one manual step through /api/exchange, as the playground sends it. */
async function sandboxStatus(state: PlaygroundState): Promise<number> {
  const send = requestForSend(playgroundReducer(state, { type: 'set-mode', mode: 'manual' }));
  if (send.kind !== 'ready') throw new Error(`invalid request: ${send.problems.join('; ')}`);
  const response = await fetch(`${baseUrl()}/api/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(send.input),
  });
  const transcript = (await response.json()) as { steps: { response: { status: number } }[] };
  return transcript.steps[0]?.response.status ?? 0;
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
  const options = { encoding: 'utf8' as const, timeout: 20_000 };
  switch (language) {
    case 'curl':
      return (await run('sh', ['-c', snippet], options)).stdout;
    case 'python':
      // The snippet is for requests, not urllib.
      return (await run(requirePython(), [file('py')], options)).stdout;
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

/** curl -i prints "HTTP/1.1 401 Unauthorized"; the scripts print "401 Unauthorized" first. */
function printedStatus(language: SnippetLanguage, output: string): number {
  const first = output.split(/\r?\n/, 1)[0] ?? '';
  const match = language === 'curl' ? /^HTTP\/[\d.]+ (\d{3})\b/.exec(first) : /^(\d{3})\b/.exec(first);
  if (!match) throw new Error(`no status on the first line of:\n${output}`);
  return Number(match[1]);
}

describe.each(CASES)('$name', (testCase) => {
  const state = stateFor(testCase);

  test('the sandbox gives the expected status', async () => {
    expect(await sandboxStatus(state)).toBe(testCase.status);
  });

  test.each<SnippetLanguage>(['curl', 'python', 'node'])('%s prints the same status', async (language) => {
    const snippet = snippetFor(language, snippetRequestFor(state, baseUrl()));
    const output = await runSnippet(language, snippet, testCase.name);
    expect(printedStatus(language, output)).toBe(testCase.status);
    // Every challenge comes back on its own line (Node and Python print raw header lines).
    if (testCase.status === 401) expect(output).toMatch(/^www-authenticate: /im);
  });

  if (testCase.proxyAuthorization) {
    test('fetch leaves Proxy-Authorization out and says why', () => {
      const snippet = snippetFor('fetch', snippetRequestFor(state, baseUrl()));
      expect(snippet).toMatch(/^\/\/ Proxy-Authorization is a forbidden request header/);
      expect(snippet).not.toContain('["Proxy-Authorization"');
    });
  } else {
    test('fetch (Node 20, global fetch) prints the same status', async () => {
      const snippet = snippetFor('fetch', snippetRequestFor(state, baseUrl()));
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
  const output = await runSnippet('node', snippetFor('node', snippetRequestFor(state, baseUrl())), 'repeated');
  expect(printedStatus('node', output)).toBe(expected);
});

test.each<SnippetLanguage>(['node', 'python', 'curl'])('%s prints each of several challenges on its own line (RFC 9110 §11.6.1)', async (language) => {
  const preset = findPreset('several-challenges');
  if (!preset) throw new Error('no preset several-challenges');
  const output = await runSnippet(language, snippetFor(language, snippetRequestFor(stateForPreset(preset), baseUrl())), 'several');
  expect(printedStatus(language, output)).toBe(401);
  const challenges = output.split(/\r?\n/).filter((line) => /^www-authenticate: /i.test(line));
  expect(challenges.map((line) => line.split(' ')[1])).toEqual(['Digest', 'Bearer', 'Basic']);
});
