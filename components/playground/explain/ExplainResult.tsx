import type { Explanation, Severity } from '@/lib/explain';
import { leadConclusion } from '@/lib/explain/lead';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { FindingItem } from './FindingItem';
import { ChallengeList } from './ChallengeList';

export type HeadingLevel = 2 | 3 | 4 | 5;

function Heading({ level, children }: { level: HeadingLevel; children: React.ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className="text-base font-semibold">{children}</Tag>;
}

function count(findings: Explanation['findings']): string {
  if (findings.length === 0) return 'Nothing wrong or unusual found.';
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [
    [n('error'), 'error', 'errors'],
    [n('warning'), 'warning', 'warnings'],
    [n('info'), 'note', 'notes'],
  ] as const;
  return parts
    .filter(([k]) => k > 0)
    .map(([k, one, many]) => `${k} ${k === 1 ? one : many}`)
    .join(', ');
}

function StatusLine({ explanation }: { explanation: Explanation }) {
  const { status, reason, standardReason, httpVersion } = explanation;
  // A lone header line is a paste the help invites: nothing to point out about the missing status line.
  if (status === undefined) return explanation.headers.length > 1 ? <p className="text-sm text-muted">No status line in the paste.</p> : null;
  const sent = reason && reason !== standardReason ? ` (sent as "${reason}")` : '';
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{httpVersion}</span>
      <StatusBadge status={status} />
      {sent ? <span className="text-muted">{sent}</span> : null}
    </p>
  );
}

/** The explanation of one paste; `lines` are that paste's lines, for showing the marked characters. */
export function ExplainResult({ explanation, lines, level }: { explanation: Explanation; lines: readonly string[]; level: HeadingLevel }) {
  const sub = Math.min(level + 1, 6) as HeadingLevel;
  const { findings, nextStep } = explanation;
  // Issue 16: the one conclusion that matters comes first, before the details it was drawn from.
  const lead = leadConclusion(explanation);
  // For a lone header line, what a client does with it is the one conclusion that matters: it leads.
  const nextStepFirst = explanation.status === undefined && explanation.headers.length <= 1;
  // When the lead already said the next step's first sentence, the section goes on from there.
  const said = lead?.kind === 'next-step' && nextStep.summary.startsWith(lead.sentence) ? lead.sentence.length : 0;
  const summary = nextStep.summary.slice(said).trim();
  const next = (
    <section className="min-w-0 space-y-2">
      <Heading level={sub}>What a client does next</Heading>
      {summary ? <p>{summary}</p> : null}
      {nextStep.notes.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {nextStep.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
  return (
    <div className="min-w-0 space-y-4">
      <Heading level={level}>Explanation</Heading>
      {lead ? (
        <p className="rounded-md border-l-4 border-accent bg-surface px-3 py-2 font-semibold break-words">
          <span>In short: </span>
          {lead.sentence}
        </p>
      ) : null}
      <StatusLine explanation={explanation} />
      {nextStepFirst ? next : null}
      <section className="min-w-0 space-y-2">
        <Heading level={sub}>Findings</Heading>
        <p className="text-sm text-muted">{count(findings)}</p>
        {findings.length > 0 ? (
          <ol className="min-w-0 space-y-3">
            {findings.map((f, i) => (
              <FindingItem key={`${f.code}-${f.line}-${f.column}-${i}`} finding={f} lineText={lines[f.line - 1] ?? ''} />
            ))}
          </ol>
        ) : null}
      </section>
      {nextStepFirst ? null : next}
      <ChallengeList explanation={explanation} />
    </div>
  );
}
