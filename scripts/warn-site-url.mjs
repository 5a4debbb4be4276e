// The last step of `npm run build`: a loud warning on stderr when the build baked a localhost address
// into its prerendered pages (canonical links, oEmbed discovery, the sitemap, robots.txt), because
// SITE_URL is unset, not a URL, or names this machine. A warning, not a failure: local builds are normal.
import { localSiteUrlWarning } from '../lib/site/site-url.mjs';

const warning = localSiteUrlWarning(process.env.SITE_URL, 'This build’s canonical links, oEmbed discovery, sitemap and robots.txt', process.env.PORT);
if (warning) console.error(warning);
