'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import {
  DEFAULT_EMBED_OPTIONS,
  defaultEmbedSize,
  EMBED_THEMES,
  embedPath,
  type EmbedOptions,
  type EmbedTarget,
  iframeCode,
  markdownLink,
  sitePath,
} from '@/lib/site/embed';

export type EmbedSection = { id: string; text: string };

const THEME_LABELS: Record<(typeof EMBED_THEMES)[number], string> = {
  auto: "Reader's system setting",
  light: 'Light',
  dark: 'Dark',
};

function CodeField({ label, value, rows }: { label: string; value: string; rows: number }) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
        <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <textarea
        id={id}
        readOnly
        value={value}
        rows={rows}
        spellCheck={false}
        className="mt-1 block w-full resize-y rounded-md border border-line bg-surface p-2 font-mono text-xs text-ink"
      />
    </div>
  );
}

/**
 * The Embed dialog: options, a live preview and the code to paste (an iframe with the sizing script,
 * a Markdown link, the plain URL). A native modal <dialog>: the browser keeps focus inside while it is
 * open, Esc closes it, and focus returns to the button that opened it.
 */
export function EmbedDialog({
  target,
  sections = [],
  initialSection,
  onClose,
}: {
  target: EmbedTarget;
  sections?: EmbedSection[];
  initialSection?: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [options, setOptions] = useState<EmbedOptions>({ ...DEFAULT_EMBED_OPTIONS, section: initialSection });
  // The playground embeds whatever state its address bar holds when the dialog opens.
  const [resolved] = useState<EmbedTarget>(() => (target.kind === 'playground' ? { ...target, state: window.location.search.replace(/^\?/, '') } : target));
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const url = `${origin}${embedPath(resolved, options)}`;
  const sectionTitle = sections.find((section) => section.id === options.section)?.text;
  const title = sectionTitle ? `${resolved.title}: ${sectionTitle}` : resolved.title;
  const html = `${iframeCode(url, title, defaultEmbedSize(resolved))}\n<script src="${origin}/embed.js" async></script>`;
  const link = `${origin}${sitePath(resolved, options)}`;
  const set = (change: Partial<EmbedOptions>) => setOptions((current) => ({ ...current, ...change }));

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto max-h-[calc(100vh-1rem)] w-[min(56rem,calc(100vw-1rem))] overflow-auto rounded-lg border border-line bg-canvas p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      <div className="space-y-5 p-4 sm:p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={headingId} className="text-xl font-bold">
            Embed “{title}”
          </h2>
          <button type="button" onClick={() => ref.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface">
            Close
          </button>
        </div>
        <p className="text-sm text-muted">
          Paste the code into your course, slides or wiki. The embed sizes itself with the small script, opens links in a new tab, and stores nothing. Esc
          closes this dialog.
        </p>
        <p className="text-sm">
          For trainers: oEmbed, SCORM packages for your LMS and PDF handouts are on{' '}
          <a href="/trainers" target="_blank" rel="noopener" className="text-accent underline underline-offset-4">
            the page for trainers (opens in a new tab)
          </a>
          .
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <fieldset className="rounded-md border border-line p-3">
            <legend className="px-1 text-sm font-semibold">Theme</legend>
            {EMBED_THEMES.map((theme) => (
              <label key={theme} className="mt-1 flex items-center gap-2 text-sm">
                <input type="radio" name={`${headingId}-theme`} checked={options.theme === theme} onChange={() => set({ theme })} />
                {THEME_LABELS[theme]}
              </label>
            ))}
          </fieldset>
          {resolved.kind === 'lesson' ? (
            <fieldset className="space-y-2 rounded-md border border-line p-3">
              <legend className="px-1 text-sm font-semibold">Content</legend>
              <label className="block text-sm">
                <span className="font-medium">Start at</span>
                <select
                  value={options.section ?? ''}
                  onChange={(event) => set({ section: event.target.value === '' ? undefined : event.target.value })}
                  className="mt-1 block w-full rounded-md border border-line bg-canvas p-1.5"
                >
                  <option value="">The whole lesson</option>
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      Only “{section.text}”
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={options.sandbox} onChange={(event) => set({ sandbox: event.target.checked })} />
                Show the sandbox (Try it widgets and curl commands)
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={options.quiz} onChange={(event) => set({ quiz: event.target.checked })} />
                Show the quiz (“Check yourself”)
              </label>
            </fieldset>
          ) : null}
        </div>
        <CodeField label="HTML" value={html} rows={4} />
        <CodeField label="Markdown link" value={markdownLink(link, title)} rows={2} />
        <CodeField label="URL" value={url} rows={2} />
        <details open>
          <summary className="cursor-pointer text-sm font-semibold">Preview</summary>
          <iframe
            key={url}
            src={url}
            title={`Preview: ${title}`}
            loading="lazy"
            className="mt-2 h-96 w-full rounded-md border border-line"
            sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms"
          />
        </details>
      </div>
    </dialog>
  );
}
