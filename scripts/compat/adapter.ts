import { execFile } from 'node:child_process';
import type { RunCase } from '@/lib/compat/run-report';

// What every client adapter (scripts/compat/clients/*.ts) provides: the client's exact version (or
// undefined when it is not installed) and a way to point it at one case of a run as a user of that client
// would configure it. What the client sends is recorded by the lab; an adapter only reports, for the note,
// how the client itself ended (exit status, final status, error), never a verdict.

/** A case as POST /api/sandbox/runs lists it. */
export type LabCase = Pick<RunCase, 'id' | 'url' | 'credentials' | 'request'>;

/** The lab the run is on: its origin (http://localhost:port), also the proxy for the 407 cases. */
export type Lab = { origin: string };

export type CaseRun = { note: string };

export type ClientAdapter = {
  /** The results file's name: content/compat/results/<id>.json. */
  id: string;
  name: string;
  /** How a user's configuration is imitated, in a sentence or two (recorded with the results, shown in docs/compat.md). */
  configuration: string;
  /** The version exactly as the client reports it, or undefined when the client is missing. */
  version(): Promise<string | undefined>;
  run(compatCase: LabCase, lab: Lab): Promise<CaseRun>;
  /** Removes what the adapter made (Java's compiled classes). */
  close?(): Promise<void>;
};

/** Each client call is bounded: a client that hangs on a case is killed and the case noted. */
export const CLIENT_TIMEOUT_MS = 15_000;

/** Whether a proxied case: the lab plays the proxy (407) before the origin (401). */
export const isProxyCase = (c: LabCase) => c.id.startsWith('proxy-');

/**
 * The environment for a client process: no proxy variables from the machine (the lab alone decides which
 * cases go through a proxy, and loopback must never leave for another one), C locale messages.
 */
export function clientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', ...extra };
  for (const name of Object.keys(env)) if (/_proxy$/i.test(name)) delete env[name];
  return env;
}

export type Finished = { code: number | string | null; stdout: string; stderr: string; timedOut: boolean };

/** Runs a client to its end (or its timeout), never throwing on a non-zero exit: the exit is a fact to note. */
export function runClient(file: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env: options.env ?? clientEnv(), cwd: options.cwd, timeout: CLIENT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const timedOut = Boolean(error && 'killed' in error && error.killed);
        const code = error ? ((error as { code?: number | string }).code ?? null) : 0;
        resolve({ code, stdout, stderr, timedOut });
      },
    );
  });
}

/** The last non-empty line of a client's error output, for a note. */
export const lastLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? '';

/** The note for a process: "exited 0", "timed out after 15 s", or the exit status and the error's last line. */
export function exitNote(finished: Finished, what: string): string {
  if (finished.timedOut) return `${what} was stopped after ${CLIENT_TIMEOUT_MS / 1000} s.`;
  const said = lastLine(finished.stdout);
  if (finished.code === 0) return `${what} ${said || 'exited 0'}.`.replace(/\.\.$/, '.');
  const why = lastLine(finished.stderr) || said;
  return `${what} exited ${finished.code}${why ? `: ${why.slice(0, 200)}` : ''}.`.replace(/\.\.$/, '.');
}

/** The first line of `command --version`-style output that matches, or undefined when the client is missing. */
export async function versionFrom(file: string, args: readonly string[], pattern: RegExp): Promise<string | undefined> {
  const finished = await runClient(file, args);
  if (finished.code !== 0) return undefined;
  return `${finished.stdout}\n${finished.stderr}`.match(pattern)?.[1];
}
