// oEmbed discovery for the URL a consumer actually requested (oEmbed §4). The pages' own <link> is
// prerendered, so it names the page without its query: a playground share link (?v=1&p=…), a lesson's
// ?section= or an embed's options would be lost. server.ts asks here, per request, which discovery
// href the requested URL deserves, sends it as an HTTP Link field (RFC 8288) and puts it in the page's
// <link>. Pure: no node:http, no Next.

import { OEMBED_PATH } from './oembed';

/** Paths whose pages declare oEmbed discovery (the embeddable pages and their embed forms). */
const DISCOVERABLE = [/^\/lessons\/[^/]+$/, /^\/playground$/, /^\/embed\/lessons\/[^/]+$/, /^\/embed\/playground$/, /^\/embed\/try\/[^/]+$/];

/** Longest request target that gets a per-request href (the endpoint refuses a url over 4096 characters). */
const MAX_TARGET = 3000;

/**
 * The oEmbed endpoint URL for a request's origin-form target on a discoverable page, or undefined when
 * the page declares no discovery. The target is reparsed by URL, so what comes back is percent-encoded:
 * no CR, LF, quote or angle bracket can reach a header or an attribute.
 */
export function discoveryHref(target: string, origin: URL): URL | undefined {
  if (target.length > MAX_TARGET || !target.startsWith('/') || target.startsWith('//')) return undefined;
  if (!URL.canParse(target, origin)) return undefined;
  const page = new URL(target, origin);
  if (page.origin !== origin.origin || !DISCOVERABLE.some((pattern) => pattern.test(page.pathname))) return undefined;
  page.hash = '';
  const endpoint = new URL(OEMBED_PATH, origin);
  endpoint.searchParams.set('url', page.toString());
  endpoint.searchParams.set('format', 'json');
  return endpoint;
}

/** The Link field value (RFC 8288 §3) that announces `href` as the page's JSON oEmbed. */
export function discoveryLinkField(href: URL): string {
  return `<${href.toString()}>; rel="alternate"; type="application/json+oembed"`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const DISCOVERY_LINK = /(<link\b[^>]*\btype="application\/json\+oembed"[^>]*\bhref=")[^"]*(")/;

/** The page's head with its oEmbed <link> pointing at `href` (unchanged when it has none). */
export function withDiscoveryHref(head: string, href: URL): string {
  return head.replace(DISCOVERY_LINK, (_match, before: string, after: string) => `${before}${escapeAttribute(href.toString())}${after}`);
}
