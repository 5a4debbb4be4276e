import { rfcHref } from '@/lib/compat/matrix';
import type { Diagnosis } from '@/lib/har';

/** The rfc-editor.org address of a citation written "RFC 9110 §11.6.1" (the form diagnoses use), or undefined. */
export function rfcLink(citation: string): string | undefined {
  const match = /^RFC\s*(\d+)(?:\s*§\s*(\d+(?:\.\d+)*))?/i.exec(citation.trim());
  if (!match?.[1]) return undefined;
  const rfc = Number(match[1]);
  return match[2] ? rfcHref(rfc, match[2]) : `https://www.rfc-editor.org/rfc/rfc${rfc}`;
}

/** A finding's citations as link text and address: its RFC sections, then the Fetch standard's steps it names. */
export function findingCitations(finding: Pick<Diagnosis, 'rfc' | 'fetch'>): { text: string; href?: string }[] {
  return [
    ...finding.rfc.map((citation) => ({ text: citation, href: rfcLink(citation) })),
    ...(finding.fetch ?? []).map(({ anchor, name }) => ({ text: `Fetch: ${name}`, href: `https://fetch.spec.whatwg.org/#${anchor}` })),
  ];
}
