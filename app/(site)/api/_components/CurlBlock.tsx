import { CopyButton } from '@/components/ui/CopyButton';
import { OriginText } from '@/components/ui/OriginText';
import { StatusBadge } from '@/components/ui/StatusBadge';
import type { CurlExample } from './examples';

/** A shell command with a visible caption, the status it should answer and a copy button. */
export function CurlBlock({ example }: { example: CurlExample }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-line">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1.5 border-b border-line bg-surface px-3 py-2">
        <figcaption className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span>{example.caption}</span>
          <span className="inline-flex items-center gap-1.5 text-muted">
            expect <StatusBadge status={example.expect} />
          </span>
        </figcaption>
        <CopyButton text={example.command} origin={example.origin} label={example.copyLabel} />
      </div>
      <pre tabIndex={0} aria-label={`Shell command: ${example.caption}`} className="overflow-x-auto bg-canvas p-4 font-mono text-sm leading-relaxed">
        <code>
          <OriginText text={example.command} origin={example.origin} />
        </code>
      </pre>
    </figure>
  );
}
