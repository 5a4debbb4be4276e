import { readPreference, writePreference } from './storage';

// What the reader has done, kept in this browser only (through lib/site/storage, so it lives in
// memory when storage is blocked) and never sent anywhere.
//
// A lesson counts as completed when the reader marks it done, or when every quiz in it has been
// answered correctly at least once. A quiz counts as answered after its first check; a correct answer
// stays recorded even if the reader later tries a wrong option to read its explanation.

export const PROGRESS_STORAGE_KEY = 'http-auth-lab:progress';

export type QuizResult = 'correct' | 'incorrect';
export type Progress = { lessons: Readonly<Record<string, true>>; quizzes: Readonly<Record<string, QuizResult>> };

export type LessonStatus =
  | { kind: 'completed'; by: 'marked' | 'quizzes' }
  | { kind: 'started'; answered: number; correct: number; total: number }
  | { kind: 'not-started'; total: number };

export const EMPTY_PROGRESS: Progress = Object.freeze({ lessons: Object.freeze({}), quizzes: Object.freeze({}) });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads stored progress; anything unreadable (hand-edited, older shape) counts as no progress. */
export function parseProgress(raw: string | undefined): Progress {
  if (!raw) return EMPTY_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_PROGRESS;
  }
  if (!isRecord(data)) return EMPTY_PROGRESS;
  const lessons: Record<string, true> = {};
  const quizzes: Record<string, QuizResult> = {};
  if (isRecord(data.lessons)) for (const [slug, done] of Object.entries(data.lessons)) if (done === true) lessons[slug] = true;
  if (isRecord(data.quizzes)) {
    for (const [id, result] of Object.entries(data.quizzes)) if (result === 'correct' || result === 'incorrect') quizzes[id] = result;
  }
  return { lessons, quizzes };
}

let cached: { raw: string | undefined; progress: Progress } | undefined;
const listeners = new Set<() => void>();

/** The current progress; the same object until something changes (for useSyncExternalStore). */
export function readProgress(): Progress {
  const raw = readPreference(PROGRESS_STORAGE_KEY);
  if (cached?.raw !== raw || !cached) cached = { raw, progress: parseProgress(raw) };
  return cached.progress;
}

function write(progress: Progress): void {
  writePreference(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
  for (const listener of listeners) listener();
}

export function recordQuizAnswer(id: string, correct: boolean): void {
  const progress = readProgress();
  const result: QuizResult = correct || progress.quizzes[id] === 'correct' ? 'correct' : 'incorrect';
  if (progress.quizzes[id] === result) return;
  write({ ...progress, quizzes: { ...progress.quizzes, [id]: result } });
}

export function markLessonDone(slug: string, done: boolean): void {
  const progress = readProgress();
  if ((progress.lessons[slug] === true) === done) return;
  const lessons = { ...progress.lessons };
  if (done) lessons[slug] = true;
  else delete lessons[slug];
  write({ ...progress, lessons });
}

export function lessonStatus(progress: Progress, slug: string, quizIds: readonly string[]): LessonStatus {
  const total = quizIds.length;
  if (progress.lessons[slug]) return { kind: 'completed', by: 'marked' };
  const answered = quizIds.filter((id) => progress.quizzes[id] !== undefined).length;
  const correct = quizIds.filter((id) => progress.quizzes[id] === 'correct').length;
  if (total > 0 && correct === total) return { kind: 'completed', by: 'quizzes' };
  return answered === 0 ? { kind: 'not-started', total } : { kind: 'started', answered, correct, total };
}

/** Calls `listener` after every change here and in other tabs (the `storage` event). */
export function subscribeProgress(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Forgets every lesson mark and quiz answer in this browser. */
export function resetProgress(): void {
  write(EMPTY_PROGRESS);
}
