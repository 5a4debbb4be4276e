// The non-browser HTTP clients the lessons make claims about, each run as a learner would run it with a
// user name and password for a Digest-protected URL (RFC 7616). Every runner reports one outcome: the
// final status the client ended with, or the error it raised instead of returning a response.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as z from '@/lib/zod';
import { compiledJava } from './java';
import { requirePython } from './python';

const run = promisify(execFile);
const FIXTURES = path.join(process.cwd(), 'tests/fixtures/clients');
const TIMEOUT_MS = 20_000;

export type Credentials = { realm: string; user: string; password: string };
/** The final status the client returned, or the name of the error it raised (Python's ValueError, …). */
export type ClientOutcome = number | string;

export const CLIENTS = ['curl', 'wget', 'LWP', 'urllib', 'requests', 'Java HttpURLConnection', 'Java HttpClient'] as const;
export type ClientName = (typeof CLIENTS)[number];

// What the Python, Perl and Java fixtures print: one JSON line.
const printedOutcome = z.union([z.object({ status: z.number() }), z.object({ error: z.string() })]);

function outcomeOf(stdout: string): ClientOutcome {
  const printed = printedOutcome.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
  return 'status' in printed ? printed.status : printed.error;
}

/** Runs a command whose exit status may be non-zero on a 4xx (wget): the output still tells. */
async function output(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(file, args, { encoding: 'utf8', timeout: TIMEOUT_MS }).catch((error: { stdout?: string; stderr?: string; code?: unknown }) => {
    if (error.stdout === undefined && error.stderr === undefined) throw error;
    return { stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  });
}

const runners: Record<ClientName, (url: string, credentials: Credentials) => Promise<ClientOutcome>> = {
  // --digest: answer Digest only, after the 401 (curl's -w prints the last status).
  curl: async (url, { user, password }) => {
    const { stdout } = await output('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '10', '--digest', '-u', `${user}:${password}`, url]);
    return Number(stdout);
  },
  // -S prints every response's status line to stderr; the last one is where wget stopped.
  wget: async (url, { user, password }) => {
    const { stderr } = await output('wget', ['-q', '-S', '-O', '/dev/null', '--tries=1', '--timeout=10', `--user=${user}`, `--password=${password}`, url]);
    const statuses = [...stderr.matchAll(/^ {2}HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
    return statuses.at(-1) ?? `no response (${stderr.trim()})`;
  },
  LWP: async (url, { realm, user, password }) => outcomeOf((await output('perl', [path.join(FIXTURES, 'digest-get.pl'), url, realm, user, password])).stdout),
  urllib: async (url, { user, password }) =>
    outcomeOf((await output(requirePython(), [path.join(FIXTURES, 'digest_get.py'), 'urllib', url, user, password])).stdout),
  requests: async (url, { user, password }) =>
    outcomeOf((await output(requirePython(), [path.join(FIXTURES, 'digest_get.py'), 'requests', url, user, password])).stdout),
  'Java HttpURLConnection': async (url, { user, password }) =>
    outcomeOf((await output('java', ['-cp', await compiledJava(), 'DigestGet', 'url-connection', url, user, password])).stdout),
  'Java HttpClient': async (url, { user, password }) =>
    outcomeOf((await output('java', ['-cp', await compiledJava(), 'DigestGet', 'http-client', url, user, password])).stdout),
};

/** GET `url` with `client`, given the user name and password for `realm`. */
export function getWithDigest(client: ClientName, url: string, credentials: Credentials): Promise<ClientOutcome> {
  return runners[client](url, credentials);
}
