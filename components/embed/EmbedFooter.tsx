import { SITE_NAME } from '@/lib/site/site';

/** Every embed ends with where it comes from: a link to the same thing on the full site, in a new tab. */
export function EmbedFooter({ href, label }: { href: string; label: string }) {
  return (
    <footer className="mt-8 border-t border-line px-4 py-3 text-sm text-muted">
      From {SITE_NAME}:{' '}
      <a href={href} target="_blank" rel="noopener" className="font-medium text-accent underline underline-offset-4">
        {label}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </footer>
  );
}
