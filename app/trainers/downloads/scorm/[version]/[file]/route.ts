// SCORM packages built by the running site for its own address (issue 17): parse the two segments,
// build (or reuse) the zip in lib/export, serialise. GET and HEAD.
import { loadLessons } from '@/lib/content/lessons';
import { scormBuilder } from '@/lib/export/scorm-builder';
import { scormDownloadFileName, scormDownloadFor } from '@/lib/export/scorm-download-paths';
import { fetchOwnText } from '@/lib/export/fetch-own';
import { problemBody, PROBLEM_CONTENT_TYPE } from '@/lib/sandbox/problem';
import { downloadLabOrigin } from '@/lib/site/download-origin';

export const dynamic = 'force-dynamic';

const builder = scormBuilder({
  fetchOwn: fetchOwnText,
  lessons: loadLessons,
  today: () => new Date().toISOString().slice(0, 10),
  keepCopies: process.env.NODE_ENV === 'production',
});

type Segments = { params: Promise<{ version: string; file: string }> };

function problem(status: number, detail: string): Response {
  return new Response(problemBody({ status, detail }), { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' } });
}

export async function GET(request: Request, { params }: Segments): Promise<Response> {
  const { version, file } = await params;
  const download = scormDownloadFor(version, file, loadLessons());
  if (download.kind === 'not-found') return problem(404, download.detail);
  const lab = downloadLabOrigin(request.url, request.headers.get('host'));
  let zip: Uint8Array;
  try {
    zip = await builder.zip(download, lab.origin);
  } catch (error) {
    console.error('[scorm] package failed', error);
    return problem(503, 'The package could not be built just now (the site could not read its own lesson pages). Try again in a moment.');
  }
  return new Response(zip.slice().buffer as ArrayBuffer, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${scormDownloadFileName(download)}"`,
      // Built for the Host this request named (no SITE_URL): not for shared caches (RFC 9111 §5.2.2.7).
      'Cache-Control': lab.source === 'request' ? 'private, no-store' : 'public, max-age=3600',
      'X-Lab-Origin': lab.origin,
    },
  });
}

export const HEAD = GET;
