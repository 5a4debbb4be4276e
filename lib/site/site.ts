// Site-wide facts used by metadata, the sitemap and the chrome.
import { siteUrlFrom } from './site-url.mjs';

export const SITE_NAME = 'HTTP Auth Lab';
export const SITE_DESCRIPTION =
  'Learn HTTP authentication by doing: RFC-exact lessons on 401, 403 and 407 beside a live sandbox that shows every challenge and retry.';

/**
 * Absolute base URL for canonical links, Open Graph, the sitemap and the exports: SITE_URL, else
 * http://localhost:$PORT. Prerendered pages carry the build's; commands on pages show the reader's
 * origin once hydrated (components/ui/ReaderOrigin.tsx).
 */
export function siteUrl(): URL {
  return siteUrlFrom(process.env.SITE_URL, process.env.PORT);
}

/** The main navigation. `phoneLabel` stands in below the sm breakpoint, where the header must stay one row. */
export const NAV_LINKS: readonly { href: string; label: string; phoneLabel?: string }[] = [
  { href: '/lessons', label: 'Lessons' },
  { href: '/playground', label: 'Playground' },
  { href: '/troubleshoot', label: 'Troubleshoot', phoneLabel: 'Fix' },
  { href: '/api', label: 'API' },
];
