import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLesson, lessonNeighbours, loadLessons } from '@/lib/content/lessons';
import { readLessonFile, readLessonModel } from '@/lib/content/lesson-model';
import { lessonQuizModels } from '@/lib/content/lesson-quizzes';

const COURSE = path.join(__dirname, '../../fixtures/content/course');

function tempCourse(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const valid = fs.readFileSync(path.join(COURSE, '01-first-lesson.mdx'), 'utf8');

describe('lesson index', () => {
  test('lists lessons in course order with slugs taken from file names', () => {
    const lessons = loadLessons(COURSE);
    expect(lessons.map((lesson) => [lesson.frontmatter.order, lesson.slug, lesson.frontmatter.title])).toEqual([
      [1, 'first-lesson', 'First lesson'],
      [2, 'second-lesson', 'Second lesson'],
      [3, 'third-lesson', 'Third lesson'],
    ]);
  });

  test('finds a lesson by slug and knows its neighbours', () => {
    expect(findLesson('second-lesson', COURSE)?.file).toBe('02-second-lesson.mdx');
    expect(findLesson('nope', COURSE)).toBeUndefined();
    const middle = lessonNeighbours('second-lesson', COURSE);
    expect([middle.previous?.slug, middle.next?.slug]).toEqual(['first-lesson', 'third-lesson']);
    const first = lessonNeighbours('first-lesson', COURSE);
    expect([first.previous, first.next?.slug]).toEqual([undefined, 'second-lesson']);
    expect(lessonNeighbours('third-lesson', COURSE).next).toBeUndefined();
  });

  test('carries each lesson’s table of contents', () => {
    expect(findLesson('second-lesson', COURSE)?.toc).toEqual([{ depth: 2, text: 'Only section', id: 'only-section' }]);
  });

  test('refuses a file name that is not NN-slug.mdx', () => {
    const dir = tempCourse({ 'first.mdx': valid });
    expect(() => loadLessons(dir)).toThrow('Lesson file name first.mdx must look like NN-slug.mdx');
  });

  test('refuses an order that disagrees with the file number', () => {
    const dir = tempCourse({ '02-first-lesson.mdx': valid });
    expect(() => loadLessons(dir)).toThrow(/02-first-lesson\.mdx:\n {2}order: is 1 but the file name says 2/);
  });

  test('refuses an invalid frontmatter, naming the file by its path, the field and its line', () => {
    const dir = tempCourse({ '01-first-lesson.mdx': valid.replace('minutes: 10', 'minutes: 45') });
    expect(() => loadLessons(dir)).toThrow(`Invalid frontmatter in ${path.join(dir, '01-first-lesson.mdx')}:\n  minutes: must be 8 to 20`);
    expect(() => loadLessons(COURSE)).not.toThrow();
  });

  test('refuses MDX that does not parse, naming the file, line and column', () => {
    const dir = tempCourse({ '01-first-lesson.mdx': `${valid}\n<Quiz id="x"\n` });
    // The fixture has 29 lines; the tag opened on line 31 is still open at the end of the file.
    expect(() => loadLessons(dir)).toThrow(`${path.join(dir, '01-first-lesson.mdx')}:32:1: the MDX does not parse: Unexpected end of file`);
  });

  test('reads each lesson file once per process (the index, its quizzes and the checks share it), and again when it changes', () => {
    const dir = tempCourse({ '01-first-lesson.mdx': valid });
    const file = path.join(dir, '01-first-lesson.mdx');
    const read = jest.spyOn(fs, 'readFileSync');
    try {
      const [lesson] = loadLessons(dir);
      expect(lesson && lessonQuizModels(lesson, dir)).toEqual([]);
      const first = readLessonFile(file);
      expect(readLessonFile(file)).toBe(first);
      expect(read.mock.calls.filter(([name]) => name === file)).toHaveLength(1);
      fs.writeFileSync(file, `${valid}\n## Added\n`);
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(readLessonFile(file).toc.map((entry) => entry.text)).toContain('Added');
      expect(read.mock.calls.filter(([name]) => name === file)).toHaveLength(2);
    } finally {
      read.mockRestore();
    }
  });

  test('refuses two lessons with the same slug', () => {
    const second = valid.replace('order: 1', 'order: 2');
    const dir = tempCourse({ '01-same.mdx': valid, '02-same.mdx': second });
    expect(() => loadLessons(dir)).toThrow('01-same.mdx and 02-same.mdx both have the slug same');
  });

  test('knows the ids of its quizzes, in order, for progress; a quiz shown inside code is not one', () => {
    const body = [
      '## Check yourself',
      '<Quiz id="basic-colon" question="Q?" options={[]} />',
      '',
      '```text',
      '<Quiz id="not-a-quiz" />',
      '```',
      '',
      'Written `<Quiz id="not-one-either" />` in inline code.',
      '',
      '<Callout>',
      '',
      '<Quiz id="basic-nested" question="Q?" options={[]} />',
      '',
      '</Callout>',
      '',
      '<Quiz',
      '  question="Which `>` matters?"',
      "  id='basic-charset'",
      '/>',
    ].join('\n');
    expect(readLessonModel('x.mdx', body).quizIds).toEqual(['basic-colon', 'basic-nested', 'basic-charset']);
    const dir = tempCourse({ '01-first-lesson.mdx': `${valid}\n${body}\n` });
    expect(loadLessons(dir)[0]?.quizIds).toEqual(['basic-colon', 'basic-nested', 'basic-charset']);
  });

  test('refuses a quiz id used twice (progress is stored by id)', () => {
    const quiz = '\n<Quiz id="basic-colon" question="Q?" options={[]} />\n';
    const dir = tempCourse({ '01-first.mdx': valid + quiz, '02-second.mdx': valid.replace('order: 1', 'order: 2') + quiz });
    expect(() => loadLessons(dir)).toThrow('<Quiz id="basic-colon"> appears in 01-first.mdx and again in 02-second.mdx');
  });
});

describe('the opening picture is shown once', () => {
  // The fixture's picture is basic-missing-credentials.
  test('a <TryIt> of the picture’s preset that is not folded fails the build, naming the file and the line', () => {
    const body = `${valid}\n<TryIt preset="basic-missing-credentials" />\n`;
    const dir = tempCourse({ '01-first-lesson.mdx': body });
    const line = body.split('\n').indexOf('<TryIt preset="basic-missing-credentials" />') + 1;
    expect(() => loadLessons(dir)).toThrow(
      `${path.join(dir, '01-first-lesson.mdx')}:${line}: <TryIt preset="basic-missing-credentials"> draws the conversation the lesson's opening picture already shows`,
    );
  });

  test.each([
    ['folded', '<TryIt preset="basic-missing-credentials" folded />'],
    ['of another preset', '<TryIt preset="digest" />'],
  ])('a <TryIt> %s is fine', (_name, widget) => {
    const dir = tempCourse({ '01-first-lesson.mdx': `${valid}\n${widget}\n` });
    expect(loadLessons(dir).map((lesson) => lesson.slug)).toEqual(['first-lesson']);
  });
});

describe('folded material holds no headings', () => {
  const FOLD_COURSE = path.join(__dirname, '../../fixtures/content/course');
  const valid = fs.readFileSync(path.join(FOLD_COURSE, '01-first-lesson.mdx'), 'utf8');

  test('a ## or ### inside <InDepth> fails the build, naming the file, the line and the heading', () => {
    const body = `${valid}\n<InDepth title="The grammar in full">\n\n### Inside the fold\n\nText.\n\n</InDepth>\n`;
    const dir = tempCourse({ '01-first-lesson.mdx': body });
    const line = body.split('\n').indexOf('### Inside the fold') + 1;
    expect(() => loadLessons(dir)).toThrow(
      `${path.join(dir, '01-first-lesson.mdx')}:${line}: the heading "### Inside the fold" is inside <InDepth>; a folded box holds no headings`,
    );
  });

  test('a heading written as JSX, nested in another widget inside the fold, is found too', () => {
    const model = readLessonModel('x.mdx', '<InDepth title="Deep">\n\n<Callout kind="note" title="n">\n\n<h3>Hidden</h3>\n\n</Callout>\n\n</InDepth>\n');
    expect(model.foldedHeadings).toEqual([{ depth: 3, text: 'Hidden', line: 5, fold: 'InDepth' }]);
  });

  test('headings before and after the fold, and folds without headings, are fine', () => {
    const model = readLessonModel('x.mdx', '## Before\n\n<InDepth title="Deep">\n\nOnly **prose** and `code`.\n\n</InDepth>\n\n## After\n');
    expect(model.foldedHeadings).toEqual([]);
    expect(model.toc.map((entry) => entry.text)).toEqual(['Before', 'After']);
  });
});
