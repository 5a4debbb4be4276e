// The SCORM packages the running site builds for trainers (issue 17), downloaded as an LMS admin would:
// the course and a lesson, both versions, valid against ADL's XSDs, calling and linking to the address
// the site was reached at. A forged Host changes only what a package says: the server reads its own
// pages from its loopback listener and never connects to the host a request names (a listener of this
// file's own must see nothing). The export script downloads the very same files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { loadLessons } from '@/lib/content/lessons';
import { scormDownloadPath } from '@/lib/export/scorm-download-paths';
import { scormPackageErrors } from '../scripts/support/scorm-validate';
import { baseUrl, firstLesson } from './support/lab';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** GET with a Host field of our choosing (fetch may not set one; node:http may). */
function getWithHost(target: string, host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(target, baseUrl()), host ? { headers: { host } } : {}, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name]);
const labMeta = (html: string) => /<meta name="lab-origin" content="([^"]*)">/.exec(html)?.[1];
const lesson = firstLesson();
const base = lesson.file.replace(/\.mdx$/, '');

describe('SCORM downloads from the running site', () => {
  test('the course, SCORM 2004: every lesson its own SCO, a valid manifest, the lab the site was reached at', async () => {
    const answer = await getWithHost(scormDownloadPath('2004-4th'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/zip');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="http-auth-lab-scorm-2004-course.zip"');
    // Built from the request's Host (the test server has no SITE_URL): not for shared caches.
    expect(answer.headers['cache-control']).toBe('private, no-store');
    const files = unzipSync(new Uint8Array(answer.body));
    expect(labMeta(text(files, `${base}/index.html`))).toBe(new URL(baseUrl()).origin);
    expect(text(files, 'imsmanifest.xml').match(/<item /g)?.length).toBe(loadLessons().length);
    expect(scormPackageErrors(files)).toEqual([]);
  });

  test('one lesson, SCORM 1.2: its files at the root, the quiz models filled in, links on the lab', async () => {
    const answer = await getWithHost(scormDownloadPath('1.2', lesson));
    expect(answer.status).toBe(200);
    const files = unzipSync(new Uint8Array(answer.body));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'lesson.css', 'scorm-lesson.js', 'lab-live.js', 'imsmanifest.xml']));
    const html = text(files, 'index.html');
    expect(html).toMatch(/<script type="application\/json" id="quiz-models">\{".+\}<\/script>/);
    expect(html).not.toContain('/_next/');
    expect(html).toContain(`href="${new URL(baseUrl()).origin}/playground`);
    expect(scormPackageErrors(files)).toEqual([]);
  });

  test('a forged Host is written into the package, and nothing connects to it', async () => {
    const connections: net.Socket[] = [];
    const listener = net.createServer((socket) => {
      connections.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = listener.address() as net.AddressInfo;
      const answer = await getWithHost(scormDownloadPath('1.2', lesson), `127.0.0.1:${port}`);
      expect(answer.status).toBe(200);
      expect(labMeta(text(unzipSync(new Uint8Array(answer.body)), 'index.html'))).toBe(`http://127.0.0.1:${port}`);
      expect(connections).toHaveLength(0);
    } finally {
      listener.close();
    }
  });

  test.each([
    ['/trainers/downloads/scorm/3/course.zip', 'the SCORM version is 1.2 or 2004'],
    ['/trainers/downloads/scorm/2004/no-such-lesson.zip', 'No lesson package is named no-such-lesson.zip'],
    ['/trainers/downloads/scorm/2004/course.rar', 'a package is course.zip or NN-slug.zip'],
  ])('%s is a 404 problem that says why', async (target, detail) => {
    const answer = await getWithHost(target);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body.toString('utf8')).detail).toContain(detail);
  });

  test('npm run export:scorm writes the same package, calling the lab it names', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-script-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
          'scripts/export/scorm.ts',
          lesson.slug,
          '--scorm',
          '2004',
          '--lab',
          'https://lab.example.org',
        ],
        {
          cwd: process.cwd(),
          stdio: 'pipe',
          env: { ...process.env, SCORM_OUT_DIR: out },
        },
      );
      expect(fs.readdirSync(out)).toEqual(['2004']);
      const files = unzipSync(fs.readFileSync(path.join(out, '2004', `${base}.zip`)));
      expect(labMeta(text(files, 'index.html'))).toBe('https://lab.example.org');
      expect(text(files, 'index.html')).toContain('href="https://lab.example.org/playground');
      expect(scormPackageErrors(files)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
