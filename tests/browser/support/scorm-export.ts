import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Lesson } from '@/lib/content/lessons';
import { scormDownloadPath } from '@/lib/export/scorm-download-paths';
import { baseUrl } from './site';

export type ScormFiles = Record<string, Uint8Array>;

export type ScormPackages = { '1.2': ScormFiles; '2004': ScormFiles };

/**
 * GETs `target` from the test server with the Host field `host` (fetch may not set Host; node:http may):
 * the site builds a package for the address it was reached at, so a package naming another lab is one
 * asked for under that lab's name. The server itself only ever reads its own pages.
 */
export function getWithHost(target: string, host: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(target, baseUrl()), { headers: { host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A package's files as the running site offers it, built for the lab `lab` (the test server's own by default). */
export async function downloadScorm(downloadPath: string, lab: string = baseUrl()): Promise<ScormFiles> {
  const { status, body } = await getWithHost(downloadPath, new URL(lab).host);
  if (status !== 200) throw new Error(`${downloadPath} answered ${status}: ${body.toString('utf8')}`);
  return unzipSync(new Uint8Array(body));
}

/** Both versions' packages of each lesson, in the order given, as the trainers' page offers them. */
export async function exportScormLessons(lessons: readonly Lesson[], lab: string = baseUrl()): Promise<ScormPackages[]> {
  return Promise.all(
    lessons.map(async (lesson) => ({
      '1.2': await downloadScorm(scormDownloadPath('1.2', lesson), lab),
      '2004': await downloadScorm(scormDownloadPath('2004-4th', lesson), lab),
    })),
  );
}

/** One lesson's packages, as exportScormLessons makes them. */
export async function exportScormLesson(lesson: Lesson, lab?: string): Promise<ScormPackages> {
  const [packages] = await exportScormLessons([lesson], lab);
  if (!packages) throw new Error(`no package for ${lesson.slug}`);
  return packages;
}

/** Writes a package's files into a new temporary folder and returns it. */
export function extractScorm(files: ScormFiles, prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}
