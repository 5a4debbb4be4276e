import { findCompatCase } from '@/lib/compat/cases';
import type { CompatCase } from '@/lib/compat/case-schema';
import { parseChallenges } from '@/lib/http-auth';

// What a user knows before pointing a client at a case: the server's documentation names the scheme it
// uses and its realm. Clients that make the user pick one auth class (Python requests) or register
// credentials per realm (Perl LWP) are configured from this, the way their users read a server's docs.
// Clients that pick a scheme from the challenge themselves (curl --anyauth, urllib's handlers) do not use it.

const KNOWN = ['Basic', 'Digest', 'Bearer', 'NTLM', 'Negotiate'] as const;
export type DocumentedScheme = (typeof KNOWN)[number];

/** The challenge lines the client meets at the origin (after the proxy, for the proxy cases). */
function originLines(c: CompatCase): string[] {
  if (c.flow.kind === 'proxy-then-origin') return c.flow.origin.lines;
  return c.sends.lines;
}

function parsed(lines: readonly string[]) {
  const result = parseChallenges(lines);
  return result.ok ? result.value : [];
}

/**
 * The origin's scheme as its documentation would name it: the scheme the case expects an RFC-following
 * client to answer, else the first alternative's, else the first known scheme challenged; undefined when
 * the lab challenges with nothing a client knows (a user would then configure nothing scheme-specific).
 */
export function documentedScheme(caseId: string): DocumentedScheme | undefined {
  const c = findCompatCase(caseId);
  if (!c) return undefined;
  const answers = [c.expect, ...c.alternatives.map((a) => a.expect)].find((e) => e.kind === 'answers');
  if (answers?.kind === 'answers') return answers.scheme;
  const first = parsed(originLines(c)).find((challenge) => KNOWN.some((k) => k.toLowerCase() === challenge.scheme.toLowerCase()));
  return KNOWN.find((k) => k.toLowerCase() === first?.scheme.toLowerCase());
}

/** Every realm the case's challenges name (origin's and proxy's), as the RFC parses them: what a user would copy. */
export function documentedRealms(caseId: string): string[] {
  const c = findCompatCase(caseId);
  if (!c) return [];
  const lines = [...c.sends.lines, ...(c.flow.kind === 'proxy-then-origin' ? c.flow.origin.lines : [])];
  return [...new Set(parsed(lines).flatMap((challenge) => (challenge.params.realm === undefined ? [] : [challenge.params.realm])))];
}
