import type { Explanation, Finding, Severity } from './types';

// The one sentence an explanation leads with (issue 16: "for a single header, lead with the one
// conclusion that matters"). Derived from the findings and the next step the explainer already made,
// never worded per example: the most serious problem when there is one, with what it means for the
// client; otherwise what the client does next.

export type LeadConclusion =
  /** The paste has an error or a warning: the first of the most serious, and what follows from it. */
  | { kind: 'problem'; sentence: string; finding: Finding }
  /** Nothing wrong enough to lead with: what a client does next. */
  | { kind: 'next-step'; sentence: string };

/** Notes never lead: they say what is unusual, not what is wrong. */
const LEADING: readonly Severity[] = ['error', 'warning'];

const withoutStop = (s: string) => s.replace(/[.!?]$/, '');

/** The first sentence of the explainer's wording (its sentences end with '.', then a capital). */
function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? text;
}

/** A finding's first clause: what is wrong, without the "; without one…" that the next step says again. */
const firstClause = (text: string) => withoutStop(firstSentence(text).split('; ')[0] ?? text);

/** Lower-cases a leading word, but not a name in capitals such as WWW-Authenticate or HTTP. */
const continuing = (s: string) => (/^[A-Z](?:[a-z]|\s)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function mostSerious(findings: readonly Finding[]): Finding | undefined {
  for (const severity of LEADING) {
    const found = findings.find((f) => f.severity === severity);
    if (found) return found;
  }
  return undefined;
}

/** Where the finding is: the column alone for a one-line paste, else the line as well. */
function where(explanation: Explanation, finding: Finding): string {
  const oneLine = explanation.status === undefined && explanation.headers.length <= 1 && finding.line === 1;
  return oneLine ? `column ${finding.column}` : `line ${finding.line}, column ${finding.column}`;
}

function problemSentence(explanation: Explanation, finding: Finding): string {
  const broken = explanation.challenges.find((field) => field.line === finding.line && !field.ok);
  const problem = broken
    ? `The ${broken.header} line does not parse at ${where(explanation, finding)} (${continuing(firstClause(finding.message))})`
    : firstClause(finding.message);
  const consequence = continuing(withoutStop(firstSentence(explanation.nextStep.summary)));
  // A client that still answers does so despite the problem; any other next step follows from it.
  return explanation.nextStep.kind === 'answer-challenge' ? `${problem}; even so, ${consequence}.` : `${problem}: ${consequence}.`;
}

/**
 * The sentence to lead with, or undefined when nothing was explained (an empty, refused or non-HTTP
 * paste: its one finding already says so).
 */
export function leadConclusion(explanation: Explanation): LeadConclusion | undefined {
  const { nextStep } = explanation;
  if (nextStep.kind === 'empty' || nextStep.kind === 'refused' || nextStep.kind === 'not-http') return undefined;
  const finding = mostSerious(explanation.findings);
  if (finding) return { kind: 'problem', sentence: problemSentence(explanation, finding), finding };
  return { kind: 'next-step', sentence: firstSentence(nextStep.summary) };
}
