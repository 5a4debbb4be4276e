// Issue 6: the commands and code in the lessons work against the running sandbox. Every shell block
// that calls the sandbox with curl ends with the status its expect=NNN says; every `runnable` python,
// js and ts block exits 0. The fixtures prove the runner notices a wrong status and a failing block.
import path from 'node:path';
import { readCheckedLesson, readCheckedLessons } from '../content/support/checked-lesson';
import { runnableBlocks, runRunnableBlock, runShellBlock, sandboxShellBlocks } from '../content/support/run-blocks';
import { baseUrl } from './support/lab';

const lessons = readCheckedLessons();
const fixture = (name: string) => readCheckedLesson(path.join(process.cwd(), 'tests/fixtures/content/checks', name));

describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s against the sandbox', (_file, lesson) => {
  test('every sandbox curl block ends with the status its expect= says', async () => {
    const wrong: string[] = [];
    for (const { where, fence } of sandboxShellBlocks(lesson)) {
      const { status, stderr } = await runShellBlock(fence.code, baseUrl());
      if (status !== fence.meta.expect) wrong.push(`${where}: expected ${fence.meta.expect}, the command ended with ${status ?? 'no HTTP status'}\n${stderr}`);
    }
    expect(wrong).toEqual([]);
  });

  test('every runnable python, js and ts block exits 0', async () => {
    const failed: string[] = [];
    for (const { where, fence } of runnableBlocks(lesson)) {
      const result = await runRunnableBlock(fence, baseUrl());
      if (result.code !== 0) failed.push(`${where}: ${fence.lang} exited with ${result.code}\n${result.stderr.slice(-2000)}`);
    }
    expect(failed).toEqual([]);
  });
});

describe('the block runner', () => {
  test('reads the final status of a curl block, after --digest answers the challenge', async () => {
    const good = sandboxShellBlocks(fixture('01-good.mdx'));
    expect(good.map((block) => block.fence.meta.expect)).toEqual([401]);
    expect((await runShellBlock(good[0]?.fence.code ?? '', baseUrl())).status).toBe(401);
    const digest = "curl -s -o /dev/null --digest -u alice:wonderland 'http://localhost:3000/api/sandbox/digest?algorithm=SHA-256'";
    expect((await runShellBlock(digest, baseUrl())).status).toBe(200);
    const verbose = 'curl -v -i http://localhost:3000/api/sandbox/presets/forbidden-by-role -u alice:wonderland';
    expect((await runShellBlock(verbose, baseUrl())).status).toBe(403);
  });

  test('notices a block whose status differs from its expect=', async () => {
    const [block] = sandboxShellBlocks(fixture('09-bad-runs.mdx'));
    expect(block?.fence.meta.expect).toBe(200);
    expect((await runShellBlock(block?.fence.code ?? '', baseUrl())).status).toBe(401);
  });

  test('a runnable block that exits 0 passes; python, js and ts blocks that fail are reported', async () => {
    const [good] = runnableBlocks(fixture('01-good.mdx'));
    expect(good && (await runRunnableBlock(good.fence, baseUrl())).code).toBe(0);
    const bad = runnableBlocks(fixture('09-bad-runs.mdx'));
    expect(bad.map((block) => block.fence.lang)).toEqual(['python', 'js', 'ts']);
    const codes = await Promise.all(bad.map(async (block) => (await runRunnableBlock(block.fence, baseUrl())).code));
    expect(codes).toEqual([3, 1, 1]);
  });
});
