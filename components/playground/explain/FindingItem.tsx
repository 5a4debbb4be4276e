import type { Finding } from '@/lib/explain';
import { MarkedLine } from './MarkedLine';
import { SeverityLabel } from './Severity';

export function FindingItem({ finding, lineText }: { finding: Finding; lineText: string }) {
  const where =
    finding.length > 1
      ? `Line ${finding.line}, columns ${finding.column}–${finding.column + finding.length - 1}`
      : `Line ${finding.line}, column ${finding.column}`;
  return (
    <li className="min-w-0 rounded-md border border-line p-3">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <SeverityLabel severity={finding.severity} />
        <span className="text-muted">{where}</span>
        {finding.rfc ? <cite className="font-medium not-italic">{finding.rfc}</cite> : null}
      </p>
      <p className="mt-1.5 break-words">{finding.message}</p>
      <MarkedLine text={lineText} line={finding.line} column={finding.column} length={finding.length} />
    </li>
  );
}
