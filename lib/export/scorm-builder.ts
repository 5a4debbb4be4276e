// The running site's SCORM packages, built on request and kept: each lesson's copy once per process (the
// pages are the build's, so they never change under a running server), the last few zips per lab
// address; `next dev`, whose pages change as lessons are edited, builds every time. Concurrent requests for the same thing share one build.
import type { Lesson } from '@/lib/content/lessons';
import type { LessonFiles } from './scorm-package';
import type { ScormDownload } from './scorm-download-paths';
import { lessonCopy, scormZip, type FetchOwn } from './scorm-downloads';

/** Zips kept: the course in both versions for two addresses, or a few lessons. */
const KEPT_ZIPS = 6;

export type ScormBuilder = { zip: (download: ScormDownload, labOrigin: string) => Promise<Uint8Array> };

export function scormBuilder(options: { fetchOwn: FetchOwn; lessons: () => readonly Lesson[]; today: () => string; keepCopies: boolean }): ScormBuilder {
  const copies = new Map<string, Promise<LessonFiles>>();
  const zips = new Map<string, Promise<Uint8Array>>();

  const copyOf = (lesson: Lesson): Promise<LessonFiles> => {
    const kept = options.keepCopies ? copies.get(lesson.slug) : undefined;
    if (kept) return kept;
    const made = lessonCopy(options.fetchOwn, lesson, options.today());
    if (options.keepCopies) {
      copies.set(lesson.slug, made);
      // A failed copy (the server was still starting, say) is tried again by the next request.
      made.catch(() => copies.delete(lesson.slug));
    }
    return made;
  };

  return {
    zip(download, labOrigin) {
      const key = `${labOrigin} ${download.version} ${download.kind === 'course' ? 'course' : download.lesson.slug}`;
      const lessons = download.kind === 'course' ? options.lessons() : [download.lesson];
      if (!options.keepCopies) return Promise.all(lessons.map(copyOf)).then((made) => scormZip(download, made, labOrigin));
      const kept = zips.get(key);
      if (kept) {
        // Most recently used last, so the oldest is the first to go.
        zips.delete(key);
        zips.set(key, kept);
        return kept;
      }
      const made = Promise.all(lessons.map(copyOf)).then((made) => scormZip(download, made, labOrigin));
      zips.set(key, made);
      made.catch(() => zips.delete(key));
      while (zips.size > KEPT_ZIPS) zips.delete(zips.keys().next().value as string);
      return made;
    },
  };
}
