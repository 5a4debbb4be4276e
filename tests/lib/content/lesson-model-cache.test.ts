/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LESSONS_DIR, loadLessons } from '@/lib/content/lessons';
import { readLessonModel } from '@/lib/content/lesson-model';
import { sharedLessonModel } from '@/lib/content/lesson-model-cache';

// The test run's shared lesson cache must hand back exactly what the reader makes: a model that did not
// survive JSON (an undefined field, a Map, a RegExp) would make tests read a different lesson than the
// build does.
describe('the shared lesson cache', () => {
  const saved = process.env.LAB_LESSON_CACHE_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-cache-'));
  beforeAll(() => {
    process.env.LAB_LESSON_CACHE_DIR = dir;
  });
  afterAll(() => {
    process.env.LAB_LESSON_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(loadLessons().map((lesson) => [lesson.file]))('%s: the stored model is the parsed model', (file) => {
    const filePath = path.join(LESSONS_DIR, file);
    const source = fs.readFileSync(filePath, 'utf8');
    const parsed = readLessonModel(filePath, source);
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(parsed);
    // Stored on first use, then read back (the reader is not asked again).
    expect(sharedLessonModel(filePath, source, () => parsed)).toBe(parsed);
    expect(
      sharedLessonModel(filePath, source, () => {
        throw new Error('parsed again');
      }),
    ).toStrictEqual(parsed);
  });

  test('an edited lesson is parsed afresh', () => {
    const filePath = path.join(LESSONS_DIR, 'example.mdx');
    expect(sharedLessonModel(filePath, 'one', () => ({ text: 'one' }))).toEqual({ text: 'one' });
    expect(sharedLessonModel(filePath, 'two', () => ({ text: 'two' }))).toEqual({ text: 'two' });
    expect(sharedLessonModel(filePath, 'one', () => ({ text: 'parsed again' }))).toEqual({ text: 'one' });
  });

  test('without LAB_LESSON_CACHE_DIR nothing is stored', () => {
    process.env.LAB_LESSON_CACHE_DIR = '';
    let reads = 0;
    sharedLessonModel('/x.mdx', 'x', () => ++reads);
    sharedLessonModel('/x.mdx', 'x', () => ++reads);
    expect(reads).toBe(2);
    process.env.LAB_LESSON_CACHE_DIR = dir;
  });
});
