import { isLocalHostname, localSiteUrlWarning } from '@/lib/site/site-url.mjs';

// The lab a SCORM package calls ("Run it live") and links to. Unlike the site's pages, which use the
// reader's own origin, a package keeps this address for as long as it sits in an LMS, so a localhost one
// (the default when SITE_URL is unset) would silently break every learner's copy: it is refused unless
// the trainer named it themselves, with --lab or SITE_URL.

export type LabChoice = { kind: 'lab'; origin: string; warning?: string } | { kind: 'refused'; reason: string };

const HOW =
  'Set SITE_URL to the deployed lab’s public address (SITE_URL=https://lab.example.org npm run export:scorm -- …), or pass --lab <origin>; for a lab on this machine, ask for it: --lab http://localhost:3000.';

function httpOrigin(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}

/** `lab`: the --lab argument, if given; `siteUrl`: SITE_URL. --lab wins; a localhost one is allowed, being asked for. */
export function scormLabOrigin(lab: string | undefined, siteUrl: string | undefined): LabChoice {
  if (lab !== undefined) {
    const origin = httpOrigin(lab);
    return origin
      ? { kind: 'lab', origin }
      : { kind: 'refused', reason: `--lab ${JSON.stringify(lab)} is not an http(s) origin such as https://lab.example.org.` };
  }
  if (!siteUrl) return { kind: 'refused', reason: `SITE_URL is not set, so the packages would call and link to http://localhost. ${HOW}` };
  const origin = httpOrigin(siteUrl);
  if (!origin) return { kind: 'refused', reason: `SITE_URL ${JSON.stringify(siteUrl)} is not an absolute http(s) URL. ${HOW}` };
  // SITE_URL set to this machine on purpose (a trainer testing locally): allowed, and said loudly.
  const warning = isLocalHostname(new URL(origin).hostname) ? localSiteUrlWarning(siteUrl, 'The SCORM packages’ “Run it live”, commands and links') : undefined;
  return warning ? { kind: 'lab', origin, warning } : { kind: 'lab', origin };
}
