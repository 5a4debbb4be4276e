// oEmbed endpoint: parse the query with zod, resolve with lib/site/oembed, serialise.
import { findLesson } from '@/lib/content/lessons';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { problemBody, PROBLEM_CONTENT_TYPE } from '@/lib/sandbox/problem';
import { oembedFor, type OembedLookup } from '@/lib/site/oembed';
import { oembedQuerySchema } from '@/lib/site/oembed-query';
import { requestOrigin } from '@/lib/site/request-host';
import { siteUrl } from '@/lib/site/site';

const lookup: OembedLookup = {
  lesson: (slug) => {
    const lesson = findLesson(slug);
    return lesson ? { title: lesson.frontmatter.title, sections: lesson.toc.filter((entry) => entry.depth === 2).map((entry) => entry.id) } : undefined;
  },
  preset: (id) => findPreset(id),
};

function problem(status: number, detail: string, title?: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(problemBody({ status, detail, title }), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', ...extraHeaders },
  });
}

export function GET(request: Request): Response {
  const parsed = oembedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(400, `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  const { url, maxwidth, maxheight, format = 'json' } = parsed.data;
  // oEmbed §2.3.4: a format the provider does not offer is 501 Not Implemented.
  if (format !== 'json') return problem(501, `format=${format} is not offered: this provider answers format=json only.`, 'Not Implemented');
  const target = new URL(url);
  const site = siteUrl();
  // The origin this request reached (its Host), so links to a lab on any host name it answers work.
  const own = requestOrigin(request.url, request.headers.get('host'));
  if (target.origin !== site.origin && target.origin !== own.origin) {
    return problem(404, `Only links to this lab (${site.origin}) can be embedded.`);
  }
  const viaHost = target.origin === own.origin && own.origin !== site.origin;
  const outcome = oembedFor(target, { maxwidth, maxheight }, viaHost ? own : site, lookup);
  switch (outcome.kind) {
    case 'ok':
      return Response.json(outcome.body, {
        // An answer built from the request's Host (not SITE_URL) is not for shared caches: a cache that
        // ignored Host in its key could hand another host's iframe address to everyone (RFC 9111 §5.2.2.7).
        headers: { 'Cache-Control': viaHost ? 'private, no-store' : 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
      });
    case 'not-found':
      return problem(404, outcome.detail);
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
