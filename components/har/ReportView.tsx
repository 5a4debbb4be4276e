import { conversationTranscript } from '@/lib/har';
import { TranscriptPanel } from '@/components/playground/TranscriptPanel';
import { DiagnosisList } from './DiagnosisList';
import { HopExplanation } from './HopExplanation';
import { conversationIdPrefix } from './hop-link';
import { conversationPlaceholders } from './placeholders';
import { RedactedValues, type Revealed } from './RedactedValues';
import { ReportActions } from './ReportActions';
import type { TrafficReport } from './report';

// An analysed recording: the diagnosis first, then each conversation drawn by the playground's own views.

function sourceWords(report: TrafficReport): string {
  const recorder = [report.source.creator, report.source.version].filter(Boolean).join(' ');
  return `${report.source.format === 'har' ? 'A HAR' : 'curl -v output'}${recorder ? ` from ${recorder}` : ''}`;
}

export function ReportView({
  report,
  revealed,
  onReveal = () => undefined,
  onHide = () => undefined,
}: {
  report: TrafficReport;
  revealed?: Revealed;
  onReveal?: (id: string) => void;
  onHide?: (id: string) => void;
}) {
  const count = report.conversations.length;
  return (
    <div className="space-y-8">
      <p>
        {sourceWords(report)}: {count === 0 ? 'no authentication conversation' : `${count} authentication conversation${count === 1 ? '' : 's'}`},{' '}
        {report.diagnoses.length === 0 ? 'no finding' : `${report.diagnoses.length} finding${report.diagnoses.length === 1 ? '' : 's'}`}. Secrets are shown
        redacted.
      </p>
      {report.warnings.length > 0 ? (
        <details className="rounded-md border border-line p-3">
          <summary className="cursor-pointer text-sm font-semibold">Parts of the recording that could not be read ({report.warnings.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            {report.warnings.map((warning, i) => (
              <li key={i}>
                <span className="font-mono">{warning.where}</span>: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ReportActions report={report} />
      <section aria-labelledby="diagnosis-heading" className="space-y-3">
        <h2 id="diagnosis-heading" className="text-2xl font-bold">
          Diagnosis
        </h2>
        <DiagnosisList diagnoses={report.diagnoses} />
      </section>
      {report.conversations.map((conversation) => {
        const headingId = `${conversationIdPrefix(conversation.id)}-heading`;
        return (
          <section key={conversation.id} aria-labelledby={headingId} className="space-y-3">
            <h2 id={headingId} className="text-2xl font-bold break-words">
              Conversation {conversation.id}: {conversation.origin}
            </h2>
            {conversation.origins.length > 1 ? <p className="text-sm text-muted">It went on to {conversation.origins.slice(1).join(', ')}.</p> : null}
            <TranscriptPanel
              transcript={conversationTranscript(conversation)}
              idPrefix={conversationIdPrefix(conversation.id)}
              label={`Conversation ${conversation.id}`}
              stepExtra={(step, attempt) => <HopExplanation step={step} attempt={attempt} />}
            />
            <RedactedValues placeholders={conversationPlaceholders(conversation)} revealed={revealed} onReveal={onReveal} onHide={onHide} />
          </section>
        );
      })}
    </div>
  );
}
