import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { QuizModel } from '@/lib/content/widgets/quiz';
import { openBrowser } from './support/chromium';
import { exportScormLesson, extractScorm } from './support/scorm-export';
import { firstLesson } from './support/site';

// The SCORM package against a real runtime (scorm-again), both versions, driven like a learner across
// sessions: the LMS page keeps the CMI a session leaves and hands it to the next launch, as an LMS does.

type Cmi = Record<string, unknown>;
type Version = '1.2' | '2004';
type Session = { cmi: Cmi; writes: Array<[string, string]> };

const root = process.cwd();
const folders: Record<Version, string> = { '1.2': '', '2004': '' };
let models: QuizModel[] = [];

beforeAll(async () => {
  // Each version launches its own package (the same lesson page and script, its own manifest and schemas).
  const packages = await exportScormLesson(firstLesson());
  for (const version of ['1.2', '2004'] as const) folders[version] = extractScorm(packages[version], `scorm-rt-${version}-`);
  const html = new TextDecoder().decode(packages['1.2']['index.html']);
  models = Object.values(JSON.parse(/id="quiz-models">([^<]*)<\/script>/.exec(html)?.[1] ?? '{}') as Record<string, QuizModel>);
  for (const folder of Object.values(folders)) {
    for (const bundle of ['scorm12.min.js', 'scorm2004.min.js'])
      fs.copyFileSync(path.join(root, 'node_modules/scorm-again/dist', bundle), path.join(folder, bundle));
    // The LMS: one runtime instance per launch, loaded with the CMI the last session left; every value
    // the lesson sets is logged, and Terminate/LMSFinish is awaited before the CMI is read back.
    fs.writeFileSync(
      path.join(folder, 'lms.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
      <script src="scorm12.min.js"></script><script src="scorm2004.min.js"></script><script>
      window.launch = (version, cmi) => {
        const api = new (version === '1.2' ? Scorm12API : Scorm2004API)({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
        api.loadFromJSON(cmi);
        window.writes = []; window.ended = false; window.lms = api;
        api.on(version === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element, value) => writes.push([element, String(value)]));
        api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', () => { window.ended = true; });
        window[version === '1.2' ? 'API' : 'API_1484_11'] = api;
        const frame = document.createElement('iframe');
        Object.assign(frame, { id: 'sco', src: 'index.html', title: 'Lesson' });
        frame.style.cssText = 'width:100%;height:900px';
        document.body.append(frame);
      };
      </script></head><body></body></html>`,
    );
  }
}, 120_000);

afterAll(() => {
  for (const folder of Object.values(folders)) fs.rmSync(folder, { recursive: true, force: true });
});

/** One launch: the lesson opened in the LMS with `cmi`, the learner's `act`, then leaving the lesson. */
async function launch(page: Page, version: Version, cmi: Cmi, act: (frame: ReturnType<Page['frameLocator']>) => Promise<void>): Promise<Session> {
  await page.goto(`file://${path.join(folders[version], 'lms.html')}`, { waitUntil: 'load' });
  await page.evaluate(([v, data]) => (window as unknown as { launch: (v: string, c: Cmi) => void }).launch(v, data), [version, cmi] as const);
  const frame = page.frameLocator('#sco');
  await frame.getByRole('heading', { level: 1, name: firstLesson().frontmatter.title }).waitFor();
  await act(frame);
  await page.evaluate(() => document.querySelector<HTMLIFrameElement>('#sco')?.setAttribute('src', 'about:blank'));
  await page.waitForFunction(() => (window as unknown as { ended: boolean }).ended);
  return page.evaluate(() => {
    const w = window as unknown as { lms: { renderCMIToJSONObject: () => Cmi }; writes: Array<[string, string]> };
    return { cmi: JSON.parse(JSON.stringify(w.lms.renderCMIToJSONObject())) as Cmi, writes: w.writes };
  });
}

/** What an LMS keeps for the next launch: the data, with entry set from the exit the SCO chose. */
function relaunchData(version: Version, rendered: Cmi, extra: Cmi = {}): Cmi {
  const next = JSON.parse(JSON.stringify(rendered.cmi)) as Cmi & { core?: Cmi };
  const core = (version === '1.2' ? next.core : next) as Cmi;
  const suspended = core.exit === 'suspend';
  delete core.exit;
  delete core.session_time;
  core.entry = suspended ? 'resume' : '';
  return merge(next, extra);
}
function merge(target: Cmi, extra: Cmi): Cmi {
  for (const [key, value] of Object.entries(extra)) {
    if (value && typeof value === 'object' && typeof target[key] === 'object') merge(target[key] as Cmi, value as Cmi);
    else target[key] = value;
  }
  return target;
}

async function answer(frame: ReturnType<Page['frameLocator']>, quiz: QuizModel, right: boolean) {
  const rootLocator = frame.locator(`[data-quiz="${quiz.id}"]`);
  await rootLocator
    .getByRole('radio')
    .nth(right ? quiz.correct : quiz.correct === 0 ? 1 : 0)
    .check();
  await rootLocator.getByRole('button', { name: 'Check answer' }).click();
  await rootLocator
    .getByText(right ? 'Correct.' : 'Not quite.')
    .first()
    .waitFor();
}

const written = (session: Session, pattern: RegExp) => session.writes.filter(([element]) => pattern.test(element));
const valueOf = (session: Session, element: string) => session.writes.filter(([name]) => name === element).at(-1)?.[1];

const versions = {
  '1.2': {
    start: { core: { student_id: 'l1', student_name: 'Learner, A' }, student_data: { mastery_score: '75' } },
    status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw',
    sessionTime: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
    exit: 'cmi.core.exit',
    location: 'cmi.core.lesson_location',
    response: 'student_response',
    wrong: 'wrong',
    review: { core: { lesson_mode: 'review' } },
    noCredit: { core: { credit: 'no-credit' } },
  },
  '2004': {
    start: { learner_id: 'l1', learner_name: 'Learner, A', scaled_passing_score: '0.5' },
    status: 'cmi.success_status',
    raw: 'cmi.score.raw',
    sessionTime: /^PT\d+H\d+M\d+(\.\d{1,2})?S$/,
    exit: 'cmi.exit',
    location: 'cmi.location',
    response: 'learner_response',
    wrong: 'incorrect',
    review: { mode: 'review' },
    noCredit: { credit: 'no-credit' },
  },
} as const;

describe.each(['1.2', '2004'] as const)('SCORM %s lesson in scorm-again', (version) => {
  const spec = versions[version];

  test('records, resumes, passes or fails, and keeps the recorded result on relaunch and in review', async () => {
    expect(models.length).toBeGreaterThanOrEqual(2);
    const [first, second, ...rest] = models as [QuizModel, QuizModel, ...QuizModel[]];
    const total = models.length;
    const score = Math.round((100 * (total - 1)) / total);
    // 1.2: mastery 75 with one wrong answer fails; 2004: scaled passing 0.5 passes.
    const verdict = version === '1.2' ? (score >= 75 ? 'passed' : 'failed') : score >= 50 ? 'passed' : 'failed';
    const browser = await openBrowser({ extraArgs: ['--allow-file-access-from-files'] });
    try {
      const { page } = browser;
      // Session 1: one question right, then the learner leaves mid-way.
      const one = await launch(page, version, spec.start, (frame) => answer(frame, first, true));
      expect(valueOf(one, spec.exit)).toBe('suspend');
      expect(valueOf(one, spec.location)).toBe(first.id);
      expect(valueOf(one, version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time')).toMatch(spec.sessionTime);
      expect(valueOf(one, 'cmi.interactions.0.id')).toBe(first.id);
      expect(valueOf(one, 'cmi.interactions.0.type')).toBe('choice');
      expect(valueOf(one, 'cmi.interactions.0.result')).toBe('correct');
      expect(valueOf(one, `cmi.interactions.0.${spec.response}`)).toBe(String.fromCharCode(97 + first.correct));
      expect(valueOf(one, 'cmi.interactions.0.correct_responses.0.pattern')).toBe(String.fromCharCode(97 + first.correct));
      expect(written(one, /score\.raw$/).filter(([element]) => !element.includes('objectives'))).toEqual([]);
      expect(JSON.parse(valueOf(one, 'cmi.suspend_data') ?? '{}')).toEqual({ a: { [first.id]: first.correct }, p: first.id });

      // Session 2: the LMS resumes; the first answer is shown answered, the rest are answered.
      const two = await launch(page, version, relaunchData(version, one.cmi), async (frame) => {
        const earlier = frame.locator(`[data-quiz="${first.id}"]`);
        await earlier.getByText('Your answer from an earlier session.').waitFor();
        expect(await earlier.getByRole('radio').nth(first.correct).isChecked()).toBe(true);
        await answer(frame, second, false);
        for (const quiz of rest) await answer(frame, quiz, true);
        await frame.getByText(new RegExp(`All questions answered: ${total - 1} of ${total}.*${verdict}`)).waitFor();
      });
      expect(written(two, /^cmi\.interactions\.0\./)).toEqual([]); // the resumed answer is not re-recorded
      expect(valueOf(two, 'cmi.interactions.1.id')).toBe(second.id);
      expect(valueOf(two, 'cmi.interactions.1.result')).toBe(spec.wrong);
      expect(valueOf(two, spec.raw)).toBe(String(score));
      expect(valueOf(two, spec.status)).toBe(verdict);
      if (version === '2004') {
        expect(valueOf(two, 'cmi.completion_status')).toBe('completed');
        expect(valueOf(two, 'cmi.score.scaled')).toBe(String(score / 100));
      }
      // The runtime accepted them: its CMI holds one interaction and one objective per question.
      const held = two.cmi.cmi as { interactions: Record<string, { id: string; result: string }>; objectives: Record<string, { id: string }> };
      expect(Object.values(held.interactions).map(({ id, result }) => [id, result])).toEqual(
        models.map((quiz) => [quiz.id, quiz === second ? spec.wrong : 'correct']),
      );
      expect(Object.values(held.objectives).map(({ id }) => id)).toEqual(models.map((quiz) => quiz.id));
      expect(valueOf(two, spec.exit)).toBe(version === '1.2' ? '' : 'normal');
      expect(valueOf(two, version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time')).toMatch(spec.sessionTime);

      // Session 3: a plain relaunch; re-checking the wrong question rightly is feedback, not a new score.
      const three = await launch(page, version, relaunchData(version, two.cmi), async (frame) => {
        await frame.locator(`[data-quiz="${second.id}"]`).getByText('Your answer from an earlier session.').waitFor();
        await answer(frame, second, true);
      });
      expect(written(three, /score|status|interactions/)).toEqual([]);
      const kept = three.cmi.cmi as { core?: { lesson_status: string; score: { raw: string } }; success_status?: string; score?: { raw: string } };
      expect(version === '1.2' ? kept.core?.lesson_status : kept.success_status).toBe(verdict);
      expect(version === '1.2' ? kept.core?.score.raw : kept.score?.raw).toBe(String(score));

      // Session 4: review shows the saved answers and writes nothing at all.
      const four = await launch(page, version, relaunchData(version, three.cmi, spec.review), async (frame) => {
        await frame.getByText(/Review: your saved answers are shown/).waitFor();
        expect(
          await frame
            .locator(`[data-quiz="${second.id}"]`)
            .getByRole('radio')
            .nth(second.correct === 0 ? 1 : 0)
            .isChecked(),
        ).toBe(true);
        await answer(frame, second, true);
      });
      expect(four.writes).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  test('a no-credit launch gives feedback but writes nothing', async () => {
    const browser = await openBrowser({ extraArgs: ['--allow-file-access-from-files'] });
    try {
      const session = await launch(browser.page, version, merge(JSON.parse(JSON.stringify(spec.start)) as Cmi, spec.noCredit), async (frame) => {
        for (const quiz of models) await answer(frame, quiz, true);
        await frame.getByText(/Practice \(no credit\): nothing is recorded/).waitFor();
      });
      expect(session.writes).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
