// The lab the HTTP and browser tests talk to: the production server globalSetup started
// (tests/http/support/global-setup.mjs), and the lesson most tests open.
import { loadLessons } from '@/lib/content/lessons';

export function baseUrl(): string {
  const url = process.env.LAB_BASE_URL;
  if (!url) throw new Error('LAB_BASE_URL is not set: run these tests through Jest (globalSetup starts the server)');
  return url;
}

export const firstLesson = () => {
  const lesson = loadLessons()[0];
  if (!lesson) throw new Error('no lessons in content/lessons');
  return lesson;
};
