// Security headers: a baseline for every response, and who may frame what. Plain .mjs so
// next.config.mjs can import it at start-up.
import { API_POLICY, pageDirectives, pagePolicy, serializePolicy } from './content-security-policy.mjs';

/** Paths that other sites may frame: the chrome-less embeds (proxy.ts sets their frame-ancestors). */
export const EMBED_SOURCE = '/embed/:path*';

/**
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders() {
  return [
    // Stop MIME sniffing: a problem+json or text body is never run as script.
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Send only the origin to other sites; lesson URLs may carry playground state.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // The lab needs none of these powerful features; clipboard-write stays allowed for copy buttons.
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    },
  ];
}

/**
 * Every page but the embeds: the full policy, and only the site itself may frame it (X-Frame-Options
 * for browsers older than CSP's frame-ancestors).
 * @param {{ development?: boolean }} [options]
 * @returns {{ key: string, value: string }[]}
 */
export function pageSecurityHeaders({ development = false } = {}) {
  return [
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    { key: 'Content-Security-Policy', value: pagePolicy({ development }) },
  ];
}

/**
 * Non-HTML answers (sandbox, exchange, oEmbed): a policy that allows nothing.
 * @returns {{ key: string, value: string }[]}
 */
export function apiSecurityHeaders() {
  return [{ key: 'Content-Security-Policy', value: API_POLICY }];
}

/**
 * An embed's policy: the pages' policy, framed by EMBED_FRAME_ANCESTORS. An invalid list falls back
 * to 'self' rather than to "anyone" (server.ts refuses to start with one anyway).
 * @param {string | undefined} configured
 * @param {{ development?: boolean }} [options]
 * @returns {string}
 */
export function embedPolicy(configured, { development = false } = {}) {
  const ancestors = embedFrameAncestors(configured);
  return serializePolicy(pageDirectives({ frameAncestors: ancestors.ok ? ancestors.value : "'self'", development }));
}

/**
 * Who may frame the embeds: EMBED_FRAME_ANCESTORS, a space-separated list of origins such as
 * "https://lms.example.edu https://*.example.org" (CSP host-source syntax), or "*" (the default: any
 * site). Anything else (quotes, semicolons, paths, control characters) is refused, so the value can
 * never smuggle another directive or a header line into the response.
 * @param {string | undefined} configured
 * @returns {{ ok: true, value: string } | { ok: false, error: string }}
 */
export function embedFrameAncestors(configured) {
  const value = (configured ?? '').trim();
  if (value === '' || value === '*') return { ok: true, value: '*' };
  const sources = value.split(/\s+/);
  const bad = sources.find((source) => !/^https?:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(source));
  if (bad !== undefined) {
    return {
      ok: false,
      error: `EMBED_FRAME_ANCESTORS: ${JSON.stringify(bad)} is not an origin like https://lms.example.edu (or https://*.example.org); use "*" to allow every site.`,
    };
  }
  return { ok: true, value: sources.join(' ') };
}
