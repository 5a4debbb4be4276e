import './zod-jitless';
import { base64url } from 'jose';
import { z } from 'zod';
import type { Conversation, Diagnosis, ReadWarning, RecordingAnalysis, RecordingSource } from '@/lib/har';

// The report a reader hands on: the diagnosis and the redacted conversations of one analysis, never the vault.
// As Markdown for a ticket, or as a link whose data lives only in the URL fragment (never sent to a server,
// RFC 3986 §3.5), deflated and base64url-encoded (RFC 4648 §5) so a report of a few conversations fits.

export type TrafficReport = {
  source: RecordingSource;
  warnings: ReadWarning[];
  conversations: Conversation[];
  diagnoses: Diagnosis[];
};

/** The report of an analysis: every exchange but the auth-relevant ones is left out (they are most of a HAR). */
export function reportOf(analysis: Extract<RecordingAnalysis, { kind: 'analysed' }>): TrafficReport {
  const { source, warnings, conversations, diagnoses } = analysis;
  return { source, warnings, conversations, diagnoses };
}

/** The fragment's key: `#report=…`. */
export const REPORT_FRAGMENT_KEY = 'report';

/**
 * The longest link the page makes. Browsers accept far longer URLs (Chromium 2 MB), but chat tools, ticket
 * trackers and mail clients cut or refuse long ones; a link that arrives cut opens nothing.
 */
export const MAX_SHARE_URL_LENGTH = 60_000;

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export type ShareLink = { kind: 'link'; url: string } | { kind: 'too-large'; length: number; limit: number };

/** A link to `pageUrl` carrying the report in its fragment, or why there is none. */
export async function shareLink(report: TrafficReport, pageUrl: string): Promise<ShareLink> {
  const deflated = await pipeThrough(new TextEncoder().encode(JSON.stringify(report)), new CompressionStream('deflate-raw'));
  const url = `${pageUrl.split('#')[0]}#${REPORT_FRAGMENT_KEY}=${base64url.encode(deflated)}`;
  return url.length > MAX_SHARE_URL_LENGTH ? { kind: 'too-large', length: url.length, limit: MAX_SHARE_URL_LENGTH } : { kind: 'link', url };
}

// The fragment is input from anyone who sends a link: checked at the boundary. Conversations are checked to the
// depth the views read without guarding (hops with an exchange that has a request and a response).
const headerList = z.array(z.tuple([z.string(), z.string()]));
const message = z.looseObject({ headers: headerList, pseudoHeaders: headerList });
const reportSchema = z.object({
  source: z.object({ format: z.enum(['har', 'curl-verbose']), creator: z.string().optional(), version: z.string().optional(), browser: z.string().optional() }),
  warnings: z.array(z.object({ where: z.string(), message: z.string() })),
  conversations: z.array(
    z.looseObject({
      id: z.number(),
      origin: z.string(),
      origins: z.array(z.string()),
      hops: z.array(
        z.looseObject({
          exchange: z.looseObject({ request: message.extend({ method: z.string(), url: z.string() }), response: message.extend({ status: z.number() }) }),
        }),
      ),
    }),
  ),
  diagnoses: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['problem', 'warning']),
      title: z.string(),
      explanation: z.string(),
      fix: z.string(),
      rfc: z.array(z.string()),
      fetch: z.optional(z.array(z.object({ anchor: z.string().check(z.regex(/^[a-z0-9-]+$/)), name: z.string() }))),
      conversation: z.number(),
      hops: z.array(z.number()),
    }),
  ),
});

export type OpenedReport = { kind: 'none' } | { kind: 'report'; report: TrafficReport } | { kind: 'broken'; message: string };

/** The report in a URL fragment (`#report=…`), if there is one. */
export async function reportFromFragment(hash: string): Promise<OpenedReport> {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(REPORT_FRAGMENT_KEY);
  if (encoded === null) return { kind: 'none' };
  try {
    const json = new TextDecoder().decode(await pipeThrough(base64url.decode(encoded), new DecompressionStream('deflate-raw')));
    const parsed = reportSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return { kind: 'broken', message: 'The link holds data, but not a traffic report this page can show.' };
    return { kind: 'report', report: parsed.data as unknown as TrafficReport };
  } catch {
    return { kind: 'broken', message: 'The link is cut or damaged: its report could not be unpacked. Ask for the whole link again.' };
  }
}
