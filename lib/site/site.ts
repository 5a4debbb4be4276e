// Site-wide facts used by metadata, the sitemap and the chrome.
export const SITE_NAME = 'HTTP Auth Lab';
export const SITE_DESCRIPTION =
  'Learn HTTP authentication by doing: RFC-exact lessons on 401, 403 and 407 beside a live sandbox that shows every challenge and retry.';

/** Absolute base URL for canonical links, Open Graph and the sitemap. */
export function siteUrl(): URL {
  const configured = process.env.SITE_URL;
  try {
    if (configured) return new URL(configured);
  } catch {
    // Fall through to the local default; a bad SITE_URL must not break every page.
  }
  return new URL(`http://localhost:${process.env.PORT ?? '3000'}`);
}

export const NAV_LINKS = [
  { href: '/lessons', label: 'Lessons' },
  { href: '/playground', label: 'Playground' },
  { href: '/api', label: 'API' },
] as const;
