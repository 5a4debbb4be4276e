// Where the site offers its SCORM packages, and what a download URL names (issue 17). No building here:
// the trainers' page and the export script need only the paths (lib/export/scorm-downloads.ts builds).
import { z } from 'zod';
import type { Lesson } from '@/lib/content/lessons';
import type { ScormVersion } from '@/lib/scorm/manifest';

/** The name of a version in dist/scorm/, in --scorm and in download URLs. */
export const SCORM_FOLDERS: Record<ScormVersion, string> = { '1.2': '1.2', '2004-4th': '2004' };

/** What a download URL names: a version, and the course or one lesson's package by its file's base name. */
export type ScormDownload = { version: ScormVersion; kind: 'course' } | { version: ScormVersion; kind: 'lesson'; lesson: Lesson };

const versionByFolder = new Map(Object.entries(SCORM_FOLDERS).map(([version, folder]) => [folder, version as ScormVersion]));

export const scormDownloadParams = z.object({
  version: z.string().refine((value) => versionByFolder.has(value), 'the SCORM version is 1.2 or 2004'),
  file: z.string().regex(/^[a-z0-9-]{1,80}\.zip$/, 'a package is course.zip or NN-slug.zip'),
});

/** The download a URL's two segments name, or why none. */
export function scormDownloadFor(version: string, file: string, lessons: readonly Lesson[]): ScormDownload | { kind: 'not-found'; detail: string } {
  const parsed = scormDownloadParams.safeParse({ version, file });
  if (!parsed.success) return { kind: 'not-found', detail: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const scormVersion = versionByFolder.get(parsed.data.version) as ScormVersion;
  const base = parsed.data.file.slice(0, -'.zip'.length);
  if (base === 'course') return { version: scormVersion, kind: 'course' };
  const lesson = lessons.find((entry) => lessonFileBase(entry) === base);
  if (!lesson) return { kind: 'not-found', detail: `No lesson package is named ${parsed.data.file}; the course is course.zip, a lesson NN-slug.zip.` };
  return { version: scormVersion, kind: 'lesson', lesson };
}

/** NN-slug: the lesson file's name without .mdx, as the packages and handouts are named. */
export function lessonFileBase(lesson: Lesson): string {
  return lesson.file.replace(/\.mdx$/, '');
}

/** Where a download lives on the site: /trainers/downloads/scorm/{1.2|2004}/{course|NN-slug}.zip. */
export function scormDownloadPath(version: ScormVersion, lesson?: Lesson): string {
  return `/trainers/downloads/scorm/${SCORM_FOLDERS[version]}/${lesson ? lessonFileBase(lesson) : 'course'}.zip`;
}

/** The name a browser saves the download under. */
export function scormDownloadFileName(download: ScormDownload): string {
  const what = download.kind === 'course' ? 'course' : lessonFileBase(download.lesson);
  return `http-auth-lab-scorm-${SCORM_FOLDERS[download.version]}-${what}.zip`;
}
