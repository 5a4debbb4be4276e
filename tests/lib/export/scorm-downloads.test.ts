/** @jest-environment node */
import { unzipSync } from 'fflate';
import { loadLessons } from '@/lib/content/lessons';
import { scormBuilder } from '@/lib/export/scorm-builder';
import { scormDownloadFileName, scormDownloadFor, scormDownloadPath } from '@/lib/export/scorm-download-paths';
import { LAB_PLACEHOLDER, withLabOrigin } from '@/lib/export/scorm-downloads';

const lessons = loadLessons();
const first = lessons[0]!;
const base = first.file.replace(/\.mdx$/, '');

/** A stand-in for the site's own pages: a minimal embed page per lesson and its stylesheet, counting reads. */
function ownSite() {
  const reads: string[] = [];
  const fetchOwn = async (path: string) => {
    reads.push(path);
    if (path.endsWith('.css')) return 'body{color:black}';
    return `<!DOCTYPE html><html><head><link rel="stylesheet" href="/s.css"></head><body><a href="/lessons">Lessons</a><code data-lab-origin="">x</code></body></html>`;
  };
  return { reads, fetchOwn };
}

const index = (files: Record<string, Uint8Array>, name = 'index.html') => new TextDecoder().decode(files[name]);

describe('what a download URL names', () => {
  test.each([
    ['2004', 'course.zip', { kind: 'course', version: '2004-4th' }],
    ['1.2', 'course.zip', { kind: 'course', version: '1.2' }],
    ['1.2', `${base}.zip`, { kind: 'lesson', version: '1.2' }],
  ])('%s/%s', (version, file, expected) => {
    expect(scormDownloadFor(version, file, lessons)).toMatchObject(expected);
  });

  test.each([
    ['3', 'course.zip', 'the SCORM version is 1.2 or 2004'],
    ['2004', 'course.tar', 'a package is course.zip or NN-slug.zip'],
    ['2004', '../course.zip', 'a package is course.zip or NN-slug.zip'],
    ['1.2', '99-no-such-lesson.zip', 'No lesson package is named 99-no-such-lesson.zip'],
    ['1.2', `${first.slug}.zip`, `No lesson package is named ${first.slug}.zip`],
  ])('%s/%s is not found, saying why', (version, file, detail) => {
    const found = scormDownloadFor(version, file, lessons);
    expect(found.kind).toBe('not-found');
    expect(found.kind === 'not-found' && found.detail).toContain(detail);
  });

  test('paths and saved names round-trip', () => {
    expect(scormDownloadPath('2004-4th')).toBe('/trainers/downloads/scorm/2004/course.zip');
    expect(scormDownloadPath('1.2', first)).toBe(`/trainers/downloads/scorm/1.2/${base}.zip`);
    const download = scormDownloadFor('1.2', `${base}.zip`, lessons);
    if (download.kind === 'not-found') throw new Error(download.detail);
    expect(scormDownloadFileName(download)).toBe(`http-auth-lab-scorm-1.2-${base}.zip`);
  });
});

describe('the lab address written into a copy', () => {
  const copy = {
    slug: 's',
    title: 't',
    folder: 'f',
    files: { 'index.html': new TextEncoder().encode(`<a href="${LAB_PLACEHOLDER}/x">${LAB_PLACEHOLDER}</a>`) },
  };

  test('replaces every placeholder', () => {
    expect(index(withLabOrigin(copy, 'https://lab.example.org').files)).toBe('<a href="https://lab.example.org/x">https://lab.example.org</a>');
  });

  test('escapes what a Host may legally carry but HTML may not hold raw (RFC 3986 sub-delims)', () => {
    expect(index(withLabOrigin(copy, "http://a&b'c").files)).toBe(`<a href="http://a&amp;b&#39;c/x">http://a&amp;b&#39;c</a>`);
  });
});

describe('the builder', () => {
  test('reads each lesson once, shares one build between concurrent requests and keeps recent zips', async () => {
    const site = ownSite();
    const builder = scormBuilder({ fetchOwn: site.fetchOwn, lessons: () => lessons, today: () => '2026-12-06', keepCopies: true });
    const course = { kind: 'course', version: '2004-4th' } as const;
    const [a, b] = await Promise.all([builder.zip(course, 'https://one.example'), builder.zip(course, 'https://one.example')]);
    expect(a).toBe(b);
    // One embed page and one stylesheet per lesson.
    expect(site.reads).toHaveLength(lessons.length * 2);
    const other = await builder.zip(course, 'https://two.example');
    expect(site.reads).toHaveLength(lessons.length * 2);
    const files = unzipSync(other);
    expect(Object.keys(files)).toContain(`${base}/index.html`);
    expect(index(files, `${base}/index.html`)).toContain('<a href="https://two.example/lessons" target="_blank" rel="noopener">');
    expect(index(unzipSync(a), `${base}/index.html`)).toContain('https://one.example/lessons');
  });

  test('tries again after a failure, and rebuilds every time when told to keep nothing (next dev)', async () => {
    let fail = true;
    const site = ownSite();
    const fetchOwn = async (path: string) => {
      if (fail) throw new Error('not up yet');
      return site.fetchOwn(path);
    };
    const builder = scormBuilder({ fetchOwn, lessons: () => lessons, today: () => '2026-12-06', keepCopies: true });
    const lesson = { kind: 'lesson', version: '1.2', lesson: first } as const;
    await expect(builder.zip(lesson, 'https://one.example')).rejects.toThrow('not up yet');
    fail = false;
    await expect(builder.zip(lesson, 'https://one.example')).resolves.toBeInstanceOf(Uint8Array);
    const fresh = ownSite();
    const dev = scormBuilder({ fetchOwn: fresh.fetchOwn, lessons: () => lessons, today: () => '2026-12-06', keepCopies: false });
    await dev.zip(lesson, 'https://one.example');
    await dev.zip(lesson, 'https://one.example');
    expect(fresh.reads).toHaveLength(4);
  });
});
