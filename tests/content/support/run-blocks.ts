// Runs lesson code against a running server, as a learner would: shell blocks that call the sandbox
// with curl (bash), and blocks marked `runnable` (python3, node, tsx). The lessons' origin
// http://localhost:3000 is swapped for the test server's.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckedLesson } from './checked-lesson';
import { LESSON_ORIGIN } from './checks';
import type { Fence } from '@/lib/content/lesson-model';
import { requirePython } from '../../http/support/python';

const TIMEOUT_MS = 30_000;
const STATUS_MARKER = 'lesson-test-final-status:';

/**
 * Put before the block: every `curl` also writes the status of its last transfer to stderr (curl's
 * -w %{stderr}, after --digest's or -L's own retries), placed after the block's own options so it wins
 * over any -w of theirs. The block's stdout, -i, -v and -o are left alone. The status read is the one
 * the last curl in the block printed.
 */
const CURL_WRAPPER = `curl() { command curl --max-time 20 "$@" -w '%{stderr}\\n${STATUS_MARKER} %{http_code}\\n'; }\n`;

export type LessonBlock = { where: string; fence: Fence };

export function sandboxShellBlocks(lesson: CheckedLesson): LessonBlock[] {
  return lesson.model.fences
    .filter((fence) => fence.lang === 'shell' && fence.meta.expect !== undefined)
    .map((fence) => ({ where: `${lesson.file}:${fence.line}`, fence }));
}

export function runnableBlocks(lesson: CheckedLesson): LessonBlock[] {
  return lesson.model.fences.filter((fence) => fence.meta.runnable).map((fence) => ({ where: `${lesson.file}:${fence.line}`, fence }));
}

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: TIMEOUT_MS, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: error && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

const withOrigin = (code: string, origin: string) => code.replaceAll(LESSON_ORIGIN, origin.replace(/\/+$/, ''));

/** The final HTTP status the shell block's last curl got (undefined when no curl ran), and stderr for the report. */
export async function runShellBlock(code: string, origin: string): Promise<{ status?: number; stderr: string }> {
  const result = await run('bash', ['-c', CURL_WRAPPER + withOrigin(code, origin)]);
  const statuses = [...result.stderr.matchAll(new RegExp(`^${STATUS_MARKER} (\\d{3})$`, 'gm'))];
  const last = statuses.at(-1)?.[1];
  return { status: last === undefined ? undefined : Number(last), stderr: result.stderr.slice(-2000) };
}

const RUNNERS: Record<string, { file: string; command: (file: string) => [string, string[]] }> = {
  python: { file: 'block.py', command: (file) => [requirePython(), [file]] },
  js: { file: 'block.mjs', command: (file) => [process.execPath, [file]] },
  ts: { file: 'block.mts', command: (file) => [process.execPath, [path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), file]] },
};

/** Runs a `runnable` block in a fresh temporary directory; exit code 0 means it worked. */
export async function runRunnableBlock(fence: Fence, origin: string): Promise<Run> {
  const runner = RUNNERS[fence.lang];
  if (!runner) return { code: -1, stdout: '', stderr: `runnable is not supported on ${fence.lang}` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-block-'));
  try {
    const file = path.join(dir, runner.file);
    fs.writeFileSync(file, withOrigin(fence.code, origin));
    const [command, args] = runner.command(file);
    return await run(command, args);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
