import { useState } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import { reportMarkdown } from './report-markdown';
import { type ShareLink, type TrafficReport, shareLink } from './report';

// Handing the report on: as Markdown (diagnosis and redacted conversations), or as a link that carries the
// report in its fragment, which browsers never send to a server.

export function ReportActions({ report }: { report: TrafficReport }) {
  const [link, setLink] = useState<ShareLink | undefined>();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={reportMarkdown(report)} label="Copy as Markdown" />
        <button
          type="button"
          onClick={() => void shareLink(report, window.location.href).then(setLink)}
          className="rounded border border-line bg-canvas px-2 py-1 text-xs font-medium hover:bg-surface"
        >
          Make a share link
        </button>
      </div>
      <div aria-live="polite" className="min-w-0">
        {link?.kind === 'link' ? (
          <div className="space-y-1">
            <label htmlFor="share-link" className="block text-sm font-semibold">
              Share link (the report is in the part after #, which is never sent to a server)
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input id="share-link" readOnly value={link.url} className="min-w-0 flex-1 rounded border border-line bg-canvas px-2 py-1 font-mono text-xs" />
              <CopyButton text={link.url} label="Copy the link" />
            </div>
          </div>
        ) : link?.kind === 'too-large' ? (
          <p>
            This report is too large for a link: it would be {link.length.toLocaleString('en')} characters, and links longer than{' '}
            {link.limit.toLocaleString('en')} get cut on the way. Copy it as Markdown instead.
          </p>
        ) : null}
      </div>
    </div>
  );
}
