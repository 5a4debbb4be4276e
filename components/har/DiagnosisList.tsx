import type { Diagnosis } from '@/lib/har';
import { goToHop, hopHeadingId } from './hop-link';
import { findingCitations } from './rfc-link';

// The findings, first on the page: each with its severity in words and an icon (never colour alone), what went
// wrong, why, the fix, the RFC sections that decide it, and links to the exchanges that show it.

const SEVERITY: Record<Diagnosis['severity'], { words: string; icon: string; frame: string }> = {
  problem: { words: 'Problem', icon: '✖', frame: 'border-l-4 border-l-ink' },
  warning: { words: 'Warning', icon: '⚠', frame: 'border-l-4 border-l-muted' },
};

function HopLinks({ finding }: { finding: Diagnosis }) {
  return (
    <p className="text-sm">
      Seen in conversation {finding.conversation}:{' '}
      {finding.hops.map((hop, i) => {
        const id = hopHeadingId(finding.conversation, hop);
        return (
          <span key={hop}>
            {i > 0 ? ', ' : ''}
            <a
              href={`#${id}`}
              className="text-accent underline underline-offset-4"
              onClick={(event) => {
                if (goToHop(id)) event.preventDefault();
              }}
            >
              exchange {hop + 1}
            </a>
          </span>
        );
      })}
    </p>
  );
}

export function DiagnosisList({ diagnoses }: { diagnoses: readonly Diagnosis[] }) {
  if (diagnoses.length === 0) {
    return <p>No rule found a problem in the authentication conversations of this recording. Their messages are below.</p>;
  }
  return (
    <ul className="space-y-4">
      {diagnoses.map((finding, at) => {
        const severity = SEVERITY[finding.severity];
        return (
          <li key={at} className={`rounded-md border border-line bg-surface p-4 ${severity.frame}`}>
            <article aria-labelledby={`finding-${at}`} className="space-y-2">
              <h3 id={`finding-${at}`} className="font-semibold">
                <span aria-hidden="true">{severity.icon} </span>
                {severity.words}: {finding.title}
              </h3>
              <p>{finding.explanation}</p>
              <p>
                <strong>Fix:</strong> {finding.fix}
              </p>
              {findingCitations(finding).length > 0 ? (
                <p className="text-sm">
                  Rules:{' '}
                  {findingCitations(finding).map(({ text, href }, i) => (
                    <span key={text}>
                      {i > 0 ? ', ' : ''}
                      {href ? (
                        <a href={href} className="text-accent underline underline-offset-4">
                          {text}
                        </a>
                      ) : (
                        text
                      )}
                    </span>
                  ))}
                </p>
              ) : null}
              <HopLinks finding={finding} />
            </article>
          </li>
        );
      })}
    </ul>
  );
}
