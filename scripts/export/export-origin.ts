import { siteUrl } from '@/lib/site/site';
import { localSiteUrlWarning } from '@/lib/site/site-url.mjs';

/**
 * The lab origin an export writes into its commands and links. An export has no "origin the reader is
 * on" (a PDF, a zip in an LMS), so it is SITE_URL's, read now, not the build's; a loud warning goes to
 * stderr when that is a localhost address nobody else can reach.
 */
export function exportOrigin(what: string): string {
  const warning = localSiteUrlWarning(process.env.SITE_URL, what, process.env.PORT);
  if (warning) console.error(warning);
  return siteUrl().origin;
}
