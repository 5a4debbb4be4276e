'use client';

/** The small "Embed" beside a lesson heading: opens the page's Embed dialog on that section. Shown only in
 * trainer mode (TrainerToggle; app/globals.css hides it otherwise, keeping its room). */
export function SectionEmbedButton({ section, heading }: { section: string; heading: string }) {
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new CustomEvent('http-auth-lab:embed-section', { detail: section }))}
      className="section-embed-button shrink-0 rounded border border-transparent px-1.5 text-xs font-medium text-muted hover:border-line hover:text-ink focus-visible:border-line"
      data-print-hidden
    >
      Embed<span className="sr-only"> the section “{heading}”</span>
    </button>
  );
}
