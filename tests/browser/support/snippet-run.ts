// What the playground → curl journey compares, in both engines (snippet-journey.test.ts in Chromium,
// journeys-firefox.test.ts in Firefox): the status the playground's conversation ended with, read from the
// summary line under Result, and the status the copied curl command ends with when bash runs it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The summary line under Result: "3 requests: 407 → 401 → 200 (103 ms)". */
export const RESULT_SUMMARY = /^\d+ requests?: /;

/**
 * The status a conversation's summary line ends with. The line ends with the elapsed time, "(103 ms)":
 * only the arrowed list before it is statuses (reading the last number once took "103" for a status).
 */
export function summaryFinalStatus(text: string): number {
  const list = /^\d+ requests?: (\d{3}(?: → \d{3})*)(?: \(|$)/.exec(text)?.[1];
  if (list === undefined) throw new Error(`no status list in ${JSON.stringify(text)}`);
  return Number(list.split(' → ').at(-1));
}

/** curl -i prints a status line per response; the last is where its conversation ended. */
export function curlFinalStatus(output: string): number {
  const last = [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})\b/gm)].at(-1);
  if (!last) throw new Error(`no status line in:\n${output}`);
  return Number(last[1]);
}

/**
 * Runs a copied command with bash, exactly as pasted, and returns what it printed. No proxy from the
 * environment, so the only server (and the only proxy) it reaches is the lab on loopback.
 */
export async function runPasted(command: string): Promise<string> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(all|https?|no)_proxy$/i.test(name)) delete env[name];
  const { stdout } = await run('bash', ['-c', command], { encoding: 'utf8', timeout: 20_000, env });
  return stdout;
}
