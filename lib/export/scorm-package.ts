// The files of one SCORM package: the lessons' own files (at the root for a one-lesson package, each in
// its NN-slug/ folder in the course package), imsmanifest.xml, and ADL's schema files for the version,
// at the root as SCORM packagers ship them (lib/scorm/xsd/README.md says where they come from).
import fs from 'node:fs';
import path from 'node:path';
import { scormManifest, type ScormCourse, type ScormVersion } from '@/lib/scorm/manifest';

// Read from the project folder, which the server, the export script and the tests all run in (the
// route's bundle has no stable import.meta.url to find them by).
const XSD_DIR = path.join(process.cwd(), 'lib', 'scorm', 'xsd');

export type LessonFiles = { slug: string; title: string; folder: string; files: Record<string, Uint8Array> };

/** ADL's schema files for a version (the .xsd files and the DTDs xml.xsd names), by file name. */
export function scormSchemaFiles(version: ScormVersion): Record<string, Uint8Array> {
  const dir = path.join(XSD_DIR, version);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => /\.(xsd|dtd)$/.test(name))
      .sort()
      .map((name) => [name, new Uint8Array(fs.readFileSync(path.join(dir, name)))]),
  );
}

/**
 * A package holding the given lessons, each its own SCO launching its index.html. One lesson: its
 * files at the root (the layout LMSs and the runtime test expect). Several: the course, each lesson
 * under its folder so their index.html and scripts do not collide.
 */
export function scormPackage(version: ScormVersion, identifier: string, title: string, lessons: readonly LessonFiles[]): Record<string, Uint8Array> {
  const single = lessons.length === 1;
  const files: Record<string, Uint8Array> = {};
  const scos: ScormCourse['scos'] = lessons.map((lesson) => {
    const prefix = single ? '' : `${lesson.folder}/`;
    for (const [name, content] of Object.entries(lesson.files)) files[prefix + name] = content;
    return { slug: lesson.slug, title: lesson.title, files: Object.keys(lesson.files).map((name) => prefix + name), launch: `${prefix}index.html` };
  });
  const schemas = scormSchemaFiles(version);
  for (const name of Object.keys(schemas)) {
    if (name in files) throw new Error(`the lesson file ${name} would be overwritten by ADL's schema file`);
  }
  return { ...files, ...schemas, 'imsmanifest.xml': new TextEncoder().encode(scormManifest(version, { identifier, title, scos })) };
}
