import type * as z from 'zod';
import type {
  answerSchema,
  causeSchema,
  citationSchema,
  lessonLinkSchema,
  questionSchema,
  troubleshooterFileSchema,
  tryTargetSchema,
} from './troubleshooting-schema';

// Types and link helpers of the troubleshooting tree, without its data or its schema: the client walk
// imports these, and receives the tree itself as a prop, so neither the tree's text nor zod enters a
// shared JS chunk. The types come from the schema (type-only imports, erased from the bundle).

export type Citation = z.infer<typeof citationSchema>;
export type LessonLink = z.infer<typeof lessonLinkSchema>;
export type TryTarget = z.infer<typeof tryTargetSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type QuestionNode = z.infer<typeof questionSchema>;
export type LeafNode = z.infer<typeof causeSchema>;
export type TroubleNode = QuestionNode | LeafNode;
export type TroubleTree = z.infer<typeof troubleshooterFileSchema>;

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
/** The Explain tool's place: the first section of the troubleshooting page. */
export const EXPLAIN_HREF = '/troubleshoot#explain';

export function tryHref(target: TryTarget): string {
  switch (target.kind) {
    case 'preset':
      return `/playground?p=${encodeURIComponent(target.preset)}`;
    case 'playground':
      return `/playground${target.query ? `?${target.query}` : ''}`;
    case 'explain':
      return EXPLAIN_HREF;
    default: {
      const never: never = target;
      return never;
    }
  }
}
