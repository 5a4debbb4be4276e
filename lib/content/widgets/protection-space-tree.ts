import * as z from 'zod';
import { parseWidgetProps, widgetError } from './props';

// <ProtectionSpaceTree urls={[...]} accepted="..." />: a site's URLs as a tree (origin, then path
// segments), each marked with whether Basic credentials go there unasked (RFC 7617 §2.2). The props are
// checked while the page is prerendered; the marks come from mayReuseCredentials in lib/http-auth.

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an absolute http(s) URL');

export const protectionSpaceTreePropsSchema = z
  .object({
    urls: z.array(httpUrl).min(2, 'needs at least two URLs').max(12, 'takes at most 12 URLs'),
    accepted: httpUrl,
  })
  .strict();

export type ProtectionSpaceTreeProps = z.input<typeof protectionSpaceTreePropsSchema>;

/** A folder or file under an origin; `url` is set when one of the listed URLs ends here. */
export type SpaceNode = { name: string; url?: string; children: SpaceNode[] };
export type SpaceOrigin = { origin: string; children: SpaceNode[] };
export type ProtectionSpaceTreeModel = { urls: string[]; accepted: string; origins: SpaceOrigin[] };

function child(nodes: SpaceNode[], name: string): SpaceNode {
  const found = nodes.find((node) => node.name === name);
  if (found) return found;
  const node: SpaceNode = { name, children: [] };
  nodes.push(node);
  return node;
}

/**
 * Folders end in "/", as in the URL, so the tree shows where each prefix stops. A URL ending in "/"
 * marks its folder node (the origin's root is a node named "/"); any other marks a file-like leaf.
 */
function place(origin: SpaceOrigin, url: string): void {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').slice(1);
  const names = segments.map((segment, i) => (i < segments.length - 1 ? `${segment}/` : `${segment}${parsed.search}`));
  if (names[names.length - 1] === '') names.pop();
  if (names.length === 0) names.push('/');
  let node: SpaceNode | undefined;
  let level = origin.children;
  for (const name of names) {
    node = child(level, name);
    level = node.children;
  }
  if (node) node.url = url;
}

export function protectionSpaceTreeModel(props: unknown): ProtectionSpaceTreeModel {
  const name = '<ProtectionSpaceTree>';
  const { urls, accepted } = parseWidgetProps(protectionSpaceTreePropsSchema, props, name);
  const normal = urls.map((url) => new URL(url).href);
  const problems: string[] = [];
  if (new Set(normal).size !== normal.length) problems.push('urls: names a URL twice');
  const acceptedHref = new URL(accepted).href;
  if (!normal.includes(acceptedHref)) problems.push(`accepted: ${JSON.stringify(accepted)} is not one of urls`);
  if (problems.length > 0) throw widgetError(name, problems);
  const origins: SpaceOrigin[] = [];
  for (const url of normal) {
    const originName = new URL(url).origin;
    let origin = origins.find((o) => o.origin === originName);
    if (!origin) {
      origin = { origin: originName, children: [] };
      origins.push(origin);
    }
    place(origin, url);
  }
  return { urls: normal, accepted: acceptedHref, origins };
}
