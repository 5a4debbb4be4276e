import { rfcHref } from '@/lib/compat/matrix';

/** The rfc-editor.org address of a citation written "RFC 9110 §11.6.1" (the form diagnoses use), or undefined. */
export function rfcLink(citation: string): string | undefined {
  const match = /^RFC\s*(\d+)(?:\s*§\s*(\d+(?:\.\d+)*))?/i.exec(citation.trim());
  if (!match?.[1]) return undefined;
  const rfc = Number(match[1]);
  return match[2] ? rfcHref(rfc, match[2]) : `https://www.rfc-editor.org/rfc/rfc${rfc}`;
}
