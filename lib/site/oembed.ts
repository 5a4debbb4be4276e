// oEmbed 1.0 (https://oembed.com): a platform that understands it turns a pasted lab link into an
// embedded lesson, playground or try widget by itself. Pure: the route adapter parses the query and
// supplies the lookups; discovery <link> tags point here from every embeddable page.

import {
  defaultEmbedSize,
  DEFAULT_EMBED_OPTIONS,
  embedPath,
  type EmbedOptions,
  type EmbedTarget,
  iframeCode,
  isSectionId,
  resizerScript,
  parseEmbedOptions,
} from './embed';
import { SITE_NAME } from './site';

export const OEMBED_PATH = '/api/oembed';

/** oEmbed §2.3.4 fields of a "rich" response (version, type, html, width and height are required). */
export type OembedRich = {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
};

export type OembedLookup = {
  lesson: (slug: string) => { title: string; sections: readonly string[] } | undefined;
  preset: (id: string) => { title: string } | undefined;
};

export type OembedOutcome = { kind: 'ok'; body: OembedRich } | { kind: 'not-found'; detail: string };

type Resolved = { target: EmbedTarget; options: EmbedOptions };

/** A path segment or fragment, percent-decoded; undefined when its escapes are not UTF-8 (decodeURIComponent throws). */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Which embeddable thing a lab URL names, or why it names none. */
function resolve(url: URL, lookup: OembedLookup): Resolved | string {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const embedded = segments[0] === 'embed';
  const [kind, id, extra] = embedded ? segments.slice(1) : segments;
  const options = embedded ? parseEmbedOptions(url.search) : DEFAULT_EMBED_OPTIONS;
  if (extra !== undefined) return `${url.pathname} is not a page that can be embedded.`;
  if (kind === 'lessons' && id !== undefined) {
    const slug = decoded(id);
    const lesson = slug === undefined ? undefined : lookup.lesson(slug);
    if (slug === undefined || !lesson) return `There is no lesson "${slug ?? id}".`;
    // A link to a heading (#id) embeds that section, as does ?section=id (the form a consumer that never
    // sends the fragment still passes on: server.ts puts it in the page's discovery); else the whole lesson.
    const hash = decoded(url.hash.slice(1)) ?? '';
    const asked = embedded ? options.section : (url.searchParams.get('section') ?? undefined);
    const named = hash !== '' && isSectionId(hash) && lesson.sections.includes(hash) ? hash : asked;
    const section = named !== undefined && isSectionId(named) && lesson.sections.includes(named) ? named : embedded ? options.section : undefined;
    return { target: { kind: 'lesson', slug, title: lesson.title }, options: { ...options, section } };
  }
  if (kind === 'try' && embedded && id !== undefined) {
    const presetId = decoded(id);
    const preset = presetId === undefined ? undefined : lookup.preset(presetId);
    if (presetId === undefined || !preset) return `There is no sandbox preset "${presetId ?? id}".`;
    return { target: { kind: 'try', preset: presetId, title: `Try it: ${preset.title}` }, options };
  }
  if (kind === 'playground' && id === undefined) {
    const state = new URLSearchParams(url.search);
    state.delete('theme');
    const preset = lookup.preset(state.get('p') ?? '');
    return { target: { kind: 'playground', state: state.toString(), title: preset ? `Playground: ${preset.title}` : 'Playground' }, options };
  }
  return `${url.pathname} is not a page that can be embedded: use a lesson, the playground or a try widget.`;
}

/**
 * The oEmbed response for `url` (already known to be on this site, at `origin`). The iframe keeps
 * within maxwidth/maxheight when the consumer sets them (oEmbed §2.2); its height is only the first
 * guess, as the embed then reports its real height.
 */
export function oembedFor(url: URL, limits: { maxwidth?: number; maxheight?: number }, origin: URL, lookup: OembedLookup): OembedOutcome {
  const resolved = resolve(url, lookup);
  if (typeof resolved === 'string') return { kind: 'not-found', detail: resolved };
  const { target, options } = resolved;
  const size = defaultEmbedSize(target);
  const width = Math.min(size.width, limits.maxwidth ?? size.width);
  const height = Math.min(size.height, limits.maxheight ?? size.height);
  const src = new URL(embedPath(target, options), origin).toString();
  return {
    kind: 'ok',
    body: {
      version: '1.0',
      type: 'rich',
      title: target.title,
      provider_name: SITE_NAME,
      provider_url: new URL('/', origin).toString(),
      cache_age: 86_400,
      // The script sizes the frame to its content where the consumer runs scripts (capped at maxheight);
      // where it does not, the frame keeps `height` and scrolls.
      html: `${iframeCode(src, target.title, { width, height, maxHeight: limits.maxheight })}${resizerScript(origin)}`,
      width,
      height,
    },
  };
}

/**
 * The discovery link for a page (oEmbed §4): Next renders it from `alternates.types` as
 * <link rel="alternate" type="application/json+oembed" href="…">. `pagePath` is the page's own path;
 * `origin` the site's public origin.
 */
export function oembedDiscovery(pagePath: string, origin: URL): Record<string, string> {
  const endpoint = new URL(OEMBED_PATH, origin);
  endpoint.searchParams.set('url', new URL(pagePath, origin).toString());
  endpoint.searchParams.set('format', 'json');
  return { 'application/json+oembed': endpoint.toString() };
}
