// Issue 21's "test your own client" driven by curl, as a user would: start a run, point curl at each case
// URL the run lists (the case's credentials, --anyauth, following redirects, the lab as its proxy for the
// 407 cases), then read the run. Only loopback is contacted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RunReport } from '@/lib/compat/run-report';

const run = promisify(execFile);

type RunCase = RunReport['cases'][number];
export type StartedRun = { id: string; url: string; cases: Array<Pick<RunCase, 'id' | 'url' | 'credentials' | 'request'>> };

/** curl as a user would point it at one case: `--anyauth` waits for the challenge and picks a scheme itself. */
function curlArgs(c: StartedRun['cases'][number], lab: string): string[] {
  const { username, password, token } = c.credentials;
  const auth = token ? ['-H', `Authorization: Bearer ${token}`] : ['--anyauth', '-u', `${username}:${password}`];
  const proxy = c.id.startsWith('proxy-') ? ['-x', lab, '--proxy-anyauth', '-U', `${username}:${password}`] : [];
  const body = c.request.body === undefined ? [] : ['--data-binary', c.request.body];
  return ['-s', '-o', '/dev/null', '--max-time', '10', '-L', '-X', c.request.method, ...auth, ...proxy, ...body, c.url];
}

/** Starts a run at `lab` (an origin), or reads one already started. */
export async function startRun(lab: string): Promise<StartedRun> {
  const answer = await fetch(`${lab}/api/sandbox/runs`, { method: 'POST' });
  if (answer.status !== 201) throw new Error(`POST /api/sandbox/runs answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as StartedRun;
}

/** Runs curl once per case of `started`, `lab` being its proxy for the proxy cases. */
export async function curlEveryCase(started: StartedRun, lab: string): Promise<void> {
  for (const c of started.cases) await run('curl', curlArgs(c, lab)).catch(() => undefined);
}

export async function readRun(lab: string, id: string): Promise<RunReport> {
  const answer = await fetch(`${lab}/api/sandbox/runs/${id}`);
  if (answer.status !== 200) throw new Error(`GET the run answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as RunReport;
}
