// Types and link helpers of the troubleshooting tree, without its data: the client walk imports
// these, and receives the tree itself as a prop, so the tree's text never enters a shared JS chunk.

/** An RFC section, or a step of the WHATWG Fetch standard where browsers, not an RFC, set the rule. */
export type Citation =
  | { kind: 'rfc'; rfc: 6750 | 7616 | 7617 | 9110 | 9111; section: string }
  | { kind: 'fetch'; anchor: string; name: string };

/** Where to read more: a lesson by slug, with a heading id only for lessons that already exist. */
export type LessonLink = { slug: string; anchor?: string; label: string };

/** Something to try: a sandbox preset, or the playground (a share link's query without "?", or none). */
export type TryTarget = { kind: 'preset'; preset: string } | { kind: 'playground'; query?: string; label: string };

export type Answer = { label: string; next: string };

export type QuestionNode = { kind: 'question'; id: string; prompt: string; hint?: string; answers: Answer[] };

export type LeafNode = {
  kind: 'leaf';
  id: string;
  /** The cause in a few words, shown as the leaf's heading and in the breadcrumb. */
  title: string;
  cause: string;
  fix: string;
  /** True where a common belief names a cause that is not one (the leaf says what to check instead). */
  notTheCause?: boolean;
  citations: Citation[];
  lesson: LessonLink;
  tryIt: TryTarget;
};

export type TroubleNode = QuestionNode | LeafNode;

export type TroubleTree = { root: string; nodes: readonly TroubleNode[] };

export function citationUrl(citation: Citation): string {
  switch (citation.kind) {
    case 'rfc':
      return `https://www.rfc-editor.org/rfc/rfc${citation.rfc}#section-${citation.section}`;
    case 'fetch':
      return `https://fetch.spec.whatwg.org/#${citation.anchor}`;
    default: {
      const never: never = citation;
      return never;
    }
  }
}

export function citationText(citation: Citation): string {
  switch (citation.kind) {
    case 'rfc':
      return `RFC ${citation.rfc} §${citation.section}`;
    case 'fetch':
      return `Fetch: ${citation.name}`;
    default: {
      const never: never = citation;
      return never;
    }
  }
}
export const lessonHref = ({ slug, anchor }: LessonLink) => `/lessons/${slug}${anchor ? `#${anchor}` : ''}`;
export const tryHref = (target: TryTarget) =>
  target.kind === 'preset' ? `/playground?p=${encodeURIComponent(target.preset)}` : `/playground${target.query ? `?${target.query}` : ''}`;
