/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { loadLessons } from '@/lib/content/lessons';
import { MASTERY_SCORE, type ScormVersion } from '@/lib/scorm/manifest';
import { scormPackage, type LessonFiles } from '@/lib/export/scorm-package';
import { scormPackageErrors, XMLLINT } from './support/scorm-validate';

// The SCORM packages' manifests, SCORM 1.2 and 2004 4th Edition, for one lesson and for the course,
// checked with xmllint against ADL's XSDs that each package carries. The lesson pages themselves come
// from the production build (tests/browser/scorm.test.ts exports real ones); here each lesson is its
// real title and slug with the three files the exporter writes.

const RUNTIME = fs.readFileSync(path.join(process.cwd(), 'lib/scorm/runtime/scorm-lesson.js'));
const lessons: LessonFiles[] = loadLessons().map((lesson) => ({
  slug: lesson.slug,
  title: lesson.frontmatter.title,
  folder: lesson.file.replace(/\.mdx$/, ''),
  files: {
    'index.html': new TextEncoder().encode(`<!DOCTYPE html><title>${lesson.frontmatter.title}</title>`),
    'lesson.css': new TextEncoder().encode('body{}'),
    'scorm-lesson.js': new Uint8Array(RUNTIME),
  },
}));
const versions: ScormVersion[] = ['1.2', '2004-4th'];
const text = (files: Record<string, Uint8Array>) => new TextDecoder().decode(files['imsmanifest.xml']);
const course = (version: ScormVersion) => scormPackage(version, 'course', 'HTTP Auth Lab', lessons);
const withManifest = (files: Record<string, Uint8Array>, edit: (manifest: string) => string) => ({
  ...files,
  'imsmanifest.xml': new TextEncoder().encode(edit(text(files))),
});

if (!XMLLINT) console.warn('SKIPPED: xmllint is missing; install Debian libxml2-utils (scripts/ensure-test-tools.sh does) to validate the SCORM manifests');
const withXmllint = XMLLINT ? describe : describe.skip;

withXmllint.each(versions)('SCORM %s', (version) => {
  test.each(lessons.map((lesson) => [lesson.slug, lesson] as const))('the package of %s validates and launches its index.html', (_slug, lesson) => {
    const files = scormPackage(version, lesson.slug, lesson.title, [lesson]);
    expect(scormPackageErrors(files)).toEqual([]);
    expect(text(files)).toMatch(/<resource [^>]*href="index.html"/);
  });

  test('the course package validates and has every lesson as its own SCO, in course order', () => {
    const files = course(version);
    expect(scormPackageErrors(files)).toEqual([]);
    const manifest = text(files);
    const launches = [...manifest.matchAll(/<resource [^>]*scorm[tT]ype="sco" href="([^"]+)"/g)].map((match) => match[1]);
    expect(launches).toEqual(lessons.map((lesson) => `${lesson.folder}/index.html`));
    const titles = [...manifest.matchAll(/<item [^>]*>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(lessons.map((lesson) => lesson.title.replace(/&/g, '&amp;')));
    for (const lesson of lessons) expect(files[`${lesson.folder}/scorm-lesson.js`]).toBeDefined();
  });

  test('every SCO declares the passing score', () => {
    const manifest = text(course(version));
    const declarations =
      version === '1.2'
        ? [...manifest.matchAll(/<adlcp:masteryscore>([^<]+)<\/adlcp:masteryscore>/g)].map((match) => Number(match[1]) / 100)
        : [...manifest.matchAll(/<imsss:primaryObjective [^>]*satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>([^<]+)</g)].map((match) =>
            Number(match[1]),
          );
    expect(declarations).toEqual(lessons.map(() => MASTERY_SCORE));
  });

  test('a manifest naming a missing resource or file, or with a launchless item, fails', () => {
    const files = course(version);
    expect(scormPackageErrors(withManifest(files, (m) => m.replace(/ identifierref="[^"]+"/, '')))).toEqual([expect.stringContaining('has no identifierref')]);
    expect(scormPackageErrors(withManifest(files, (m) => m.replace(/identifierref="[^"]+"/, 'identifierref="sco-nowhere"')))).toEqual([
      expect.stringContaining('names no resource'),
    ]);
    const missingFile = { ...files };
    delete missingFile[`${lessons[0]?.folder}/lesson.css`];
    expect(scormPackageErrors(missingFile)).toEqual([expect.stringContaining('lesson.css, which the package does not carry')]);
  });

  test('a manifest the XSDs reject fails, in the ADL extension namespaces too', () => {
    const files = course(version);
    // A SCO type outside {sco, asset} (adlcp), and an element IMS CP does not have (imscp).
    const badType = withManifest(files, (m) => m.replace(/(scorm[tT]ype)="sco"/, '$1="lesson"'));
    expect(scormPackageErrors(badType).join('\n')).toMatch(/lesson/);
    const badElement = withManifest(files, (m) => m.replace(/<item ([^>]*)>\s*<title>([^<]*)<\/title>/, '<item $1><name>$2</name>'));
    expect(scormPackageErrors(badElement).join('\n')).toMatch(/name/);
    if (version === '2004-4th') {
      const badSequencing = withManifest(files, (m) => m.replace('<imsss:controlMode choice="true"', '<imsss:controlMode choice="maybe"'));
      expect(scormPackageErrors(badSequencing).join('\n')).toMatch(/choice/);
    }
  });
});

test('the two versions are told apart by their manifest namespaces', () => {
  const [lesson] = lessons;
  if (!lesson) throw new Error('no lessons');
  expect(text(scormPackage('1.2', lesson.slug, lesson.title, [lesson]))).toContain('<schemaversion>1.2</schemaversion>');
  expect(text(scormPackage('2004-4th', lesson.slug, lesson.title, [lesson]))).toContain('<schemaversion>2004 4th Edition</schemaversion>');
});
