// SITE_URL: the lab's public base URL, and the warning for whatever bakes it in. Pages are prerendered,
// so canonical links, oEmbed discovery, the sitemap and robots.txt carry the build's SITE_URL; the print
// and SCORM exports carry the export's. None of them can know the address a reader will use, so a
// localhost address there is almost always a mistake that only shows once deployed. Commands on pages
// are not affected: they show the reader's own origin at run time (components/ui/ReaderOrigin.tsx).
// Plain .mjs so the build's own scripts can import it.

/**
 * The base URL SITE_URL names, or http://localhost:<port> when it is unset or not a URL (a bad SITE_URL
 * must not break every page).
 * @param {string | undefined} configured SITE_URL
 * @param {string | undefined} port PORT
 * @returns {URL}
 */
export function siteUrlFrom(configured, port) {
  return parsedSiteUrl(configured) ?? new URL(`http://localhost:${port || '3000'}`);
}

/**
 * @param {string | undefined} configured
 * @returns {URL | undefined} SITE_URL when it is an absolute http(s) URL
 */
function parsedSiteUrl(configured) {
  if (!configured || !URL.canParse(configured)) return undefined;
  const url = new URL(configured);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/**
 * Whether `hostname` (as URL.hostname writes it) names this machine: localhost and its subdomains
 * (RFC 6761 §6.3), 127.0.0.0/8, ::1 and the unspecified addresses.
 * @param {string} hostname
 */
export function isLocalHostname(hostname) {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '0.0.0.0' ||
    name === '[::1]' ||
    name === '[::]' ||
    /^\[::ffff:(127\.|7f)/.test(name)
  );
}

/**
 * A loud warning, or undefined, for `what` (something that bakes the site's URL in) given SITE_URL.
 * @param {string | undefined} configured SITE_URL
 * @param {string} what e.g. "This build", "The PDF handouts"
 * @param {string | undefined} [port] PORT, as siteUrlFrom reads it
 * @returns {string | undefined}
 */
export function localSiteUrlWarning(configured, what, port) {
  const url = siteUrlFrom(configured, port);
  let why;
  if (!configured) why = 'SITE_URL is not set';
  else if (!parsedSiteUrl(configured)) why = `SITE_URL ${JSON.stringify(configured)} is not an absolute http(s) URL`;
  else if (isLocalHostname(url.hostname)) why = `SITE_URL names this machine, ${url.hostname}`;
  else return undefined;
  const rule = '!'.repeat(78);
  return [
    rule,
    `!! WARNING: ${what} will link to ${url.origin} (${why}).`,
    '!! Readers elsewhere cannot reach that address. Set SITE_URL to the lab’s public URL,',
    '!! e.g. SITE_URL=https://lab.example.edu (docs/deploying.md, "Settings").',
    rule,
  ].join('\n');
}
