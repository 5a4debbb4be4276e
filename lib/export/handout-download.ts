// GET and HEAD /trainers/downloads/pdf/{file}: a lesson's handout, printed by this server for the lab
// origin the download names (issue 17). The page is always loaded from the server's own loopback
// listener; the request only chooses which lesson and edition, and what address the handout prints.
import { problemBody, PROBLEM_CONTENT_TYPE } from '@/lib/sandbox/problem';
import { downloadLabOrigin, selfOrigin, type DownloadOrigin } from '@/lib/site/download-origin';
import { parseHandoutFile, type HandoutFile } from './handout-file';
import { createHandoutPrinter, NO_CHROMIUM_DETAIL, type HandoutOutcome, type HandoutPrinter } from './handout-printer';

let shared: HandoutPrinter | undefined;

/** This process's one printer (one Chromium, one queue, one cache), made on first use. */
export function sharedHandoutPrinter(): HandoutPrinter {
  shared ??= createHandoutPrinter();
  return shared;
}

function problem(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(problemBody({ status, detail }), { status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers } });
}

/** What the PDF's response says about it, GET or HEAD. */
function pdfHeaders(file: HandoutFile, lab: DownloadOrigin): Record<string, string> {
  return {
    'Content-Type': 'application/pdf',
    // The name is one parseHandoutFile matched, so plain ASCII with no quote (RFC 6266 §4.1).
    'Content-Disposition': `attachment; filename="${file.name}"`,
    // A handout naming the request's own Host is not for shared caches (RFC 9111 §5.2.2.7): a cache that
    // left Host out of its key would hand one host's addresses to everyone. SITE_URL's is the same for all.
    'Cache-Control': lab.source === 'request' ? 'private, no-store' : 'public, max-age=3600',
  };
}

function fromOutcome(outcome: HandoutOutcome, file: HandoutFile, lab: DownloadOrigin): Response {
  switch (outcome.kind) {
    case 'pdf':
      return new Response(outcome.body, { status: 200, headers: pdfHeaders(file, lab) });
    case 'no-chromium':
      return problem(
        503,
        `${outcome.detail} The lesson page prints as the handout from any browser: open ${lab.origin}/lessons/${file.lesson.slug} and choose File → Print.`,
      );
    case 'busy':
      // RFC 9110 §10.2.3: when to come back.
      return problem(503, `${outcome.detail} Try again in a minute.`, { 'Retry-After': '60' });
    case 'failed':
      return problem(500, outcome.detail);
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export async function handoutDownload(request: Request, name: string, printer: HandoutPrinter = sharedHandoutPrinter()): Promise<Response> {
  const file = parseHandoutFile(name);
  if (!file) {
    return problem(404, `No handout is named ${name.slice(0, 160)}. Each lesson has NN-slug.pdf, NN-slug-short.pdf and NN-slug-trainer.pdf (see /trainers).`);
  }
  const lab = downloadLabOrigin(request.url, request.headers.get('host'));
  if (request.method === 'HEAD') {
    // RFC 9110 §9.3.2: HEAD may leave out what only generating the content would tell (its length); a
    // HEAD never prints, it only says whether this server could.
    if (!printer.available()) return fromOutcome({ kind: 'no-chromium', detail: NO_CHROMIUM_DETAIL }, file, lab);
    return new Response(null, { status: 200, headers: pdfHeaders(file, lab) });
  }
  // The page comes from this server's own listener, whatever the request named (no SSRF).
  const print = { base: selfOrigin(), lab: lab.origin, slug: file.lesson.slug, edition: file.edition };
  return fromOutcome(await printer.print(print), file, lab);
}
