// Addresses for the downloads the running site builds for trainers (issue 17: SCORM packages and PDF
// handouts "built by the running site for its own address"). Two different ones:
// - the lab a download names (its commands, links and "Run it live"): the deployment's public address
//   when SITE_URL says it, else the origin the trainer reached the site at;
// - where this process renders its own pages from: always its own loopback listener, never an address a
//   request names (no SSRF: a forged Host changes what a download says, never where the lab connects).
import { requestOrigin } from './request-host';

export type DownloadOrigin = { origin: string; source: 'site-url' | 'request' };

function httpOrigin(value: string | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}

/**
 * The lab origin a download names: SITE_URL's, else the one the request reached (`host`, its Host field,
 * believed only as a plain host[:port]; lib/site/request-host.ts). Reserialised by URL, so nothing but
 * scheme, host and port reaches a file.
 */
export function downloadLabOrigin(requestUrl: string, host: string | null = null, configured: string | undefined = process.env.SITE_URL): DownloadOrigin {
  const fromSiteUrl = httpOrigin(configured);
  if (fromSiteUrl) return { origin: fromSiteUrl, source: 'site-url' };
  return { origin: requestOrigin(requestUrl, host).origin, source: 'request' };
}

/** The environment variable server.ts sets, once listening, to the loopback origin of its own port. */
export const SELF_ORIGIN_VARIABLE = 'LAB_SELF_ORIGIN';

/**
 * This process's own server on the loopback interface: what server.ts recorded once listening, else
 * (`next dev`) PORT or 3000. Only a loopback http origin is accepted from the environment.
 */
export function selfOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const recorded = httpOrigin(env[SELF_ORIGIN_VARIABLE]);
  if (recorded && /^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/.test(recorded)) return recorded;
  const port = Number(env.PORT);
  return `http://127.0.0.1:${Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000}`;
}
