/** @jest-environment jsdom */
import type * as ProgressModule from '@/lib/site/progress';

// Each test loads the store afresh: lib/site/storage keeps an in-memory copy per module instance.
function freshStore(): typeof ProgressModule {
  let store: typeof ProgressModule | undefined;
  jest.isolateModules(() => {
    store = jest.requireActual<typeof ProgressModule>('@/lib/site/progress');
  });
  return store as typeof ProgressModule;
}

const realStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');

afterEach(() => {
  if (realStorage) Object.defineProperty(window, 'localStorage', realStorage);
  localStorage.clear();
  jest.restoreAllMocks();
});

describe('progress store', () => {
  test('quiz answers and lesson marks persist in localStorage and survive a reload', () => {
    const first = freshStore();
    first.recordQuizAnswer('basic-colon', false);
    first.markLessonDone('basic-authentication', true);
    const reloaded = freshStore();
    expect(reloaded.readProgress()).toEqual({ lessons: { 'basic-authentication': true }, quizzes: { 'basic-colon': 'incorrect' } });
  });

  test('a correct answer is kept when a later try is wrong', () => {
    const store = freshStore();
    store.recordQuizAnswer('basic-colon', true);
    store.recordQuizAnswer('basic-colon', false);
    expect(store.readProgress().quizzes['basic-colon']).toBe('correct');
  });

  test('a lesson completes when marked, or when every quiz in it is answered correctly', () => {
    const store = freshStore();
    const quizIds = ['basic-colon', 'basic-charset'];
    expect(store.lessonStatus(store.readProgress(), 'basic', quizIds)).toEqual({ kind: 'not-started', total: 2 });
    store.recordQuizAnswer('basic-colon', true);
    store.recordQuizAnswer('basic-charset', false);
    expect(store.lessonStatus(store.readProgress(), 'basic', quizIds)).toEqual({ kind: 'started', answered: 2, correct: 1, total: 2 });
    store.recordQuizAnswer('basic-charset', true);
    expect(store.lessonStatus(store.readProgress(), 'basic', quizIds)).toEqual({ kind: 'completed', by: 'quizzes' });
    expect(store.lessonStatus(store.readProgress(), 'bearer', [])).toEqual({ kind: 'not-started', total: 0 });
    store.markLessonDone('bearer', true);
    expect(store.lessonStatus(store.readProgress(), 'bearer', [])).toEqual({ kind: 'completed', by: 'marked' });
    store.markLessonDone('bearer', false);
    expect(store.lessonStatus(store.readProgress(), 'bearer', [])).toEqual({ kind: 'not-started', total: 0 });
  });

  test('listeners hear changes made here and in other tabs', () => {
    const store = freshStore();
    const listener = jest.fn();
    const unsubscribe = store.subscribeProgress(listener);
    store.recordQuizAnswer('basic-colon', true);
    expect(listener).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new StorageEvent('storage', { key: store.PROGRESS_STORAGE_KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'http-auth-lab:theme' }));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.recordQuizAnswer('basic-charset', true);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  test('the same snapshot object until something changes (React re-renders only on change)', () => {
    const store = freshStore();
    const before = store.readProgress();
    expect(store.readProgress()).toBe(before);
    store.recordQuizAnswer('basic-colon', true);
    expect(store.readProgress()).not.toBe(before);
  });

  test('unreadable stored data counts as no progress; unknown values are dropped', () => {
    const store = freshStore();
    expect(store.parseProgress('{not json')).toEqual({ lessons: {}, quizzes: {} });
    expect(store.parseProgress('[1,2]')).toEqual({ lessons: {}, quizzes: {} });
    expect(store.parseProgress(JSON.stringify({ lessons: { a: true, b: 'yes' }, quizzes: { q: 'correct', r: 42 } }))).toEqual({
      lessons: { a: true },
      quizzes: { q: 'correct' },
    });
  });

  test('blocked storage (reading localStorage throws): progress still works for the page, in memory', () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const store = freshStore();
    store.recordQuizAnswer('basic-colon', true);
    store.markLessonDone('basic', true);
    expect(store.readProgress()).toEqual({ lessons: { basic: true }, quizzes: { 'basic-colon': 'correct' } });
  });

  test('a full quota (setItem throws) keeps the in-memory copy', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const store = freshStore();
    store.recordQuizAnswer('basic-colon', false);
    expect(store.readProgress().quizzes['basic-colon']).toBe('incorrect');
    expect(localStorage.getItem(store.PROGRESS_STORAGE_KEY)).toBeNull();
  });
});
