// The Content-Security-Policy (CSP Level 3) of the lab's pages, and the minimal one of its non-HTML
// answers. Plain .mjs so next.config.mjs can import it at start-up; proxy.ts builds the embeds' policy
// from the same directives, with their own frame-ancestors. docs/security.md explains
// every choice, above all why scripts keep 'unsafe-inline'.

/** @typedef {readonly [name: string, sources: readonly string[]]} Directive */

/**
 * The policy of every HTML page, as an ordered [name, sources] list.
 *
 * script-src allows inline scripts because the pages are prerendered at build time and Next's App
 * Router streams each page's data as inline `<script>self.__next_f.push(...)</script>` elements whose
 * text differs per page and per build; only a per-request nonce (which makes every page dynamic) or
 * per-page hashes could name them. It deliberately lists no hash or nonce: CSP3 ("Does a source list
 * allow all inline behavior") ignores 'unsafe-inline' as soon as one is present, which would block
 * Next's scripts, not only injected ones.
 * @param {{ frameAncestors: string, development?: boolean }} options
 *   frameAncestors: the sources that may frame the page ("'self'", "*" or a checked origin list);
 *   development: `next dev`, where React needs eval for its debugging information.
 * @returns {Directive[]}
 */
export function pageDirectives({ frameAncestors, development = false }) {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])]],
    // Inline event-handler attributes (onclick="…") are the usual shape of injected script; React
    // never renders them, so they stay blocked even though script elements may be inline.
    ['script-src-attr', ["'none'"]],
    // Shiki colours code with style="--shiki-light:…" attributes, and the head script adds the <style>
    // that shows only an embed's chosen section: inline styles are needed, and carry no script.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    // The playground and Try it widgets call the lab's own /api/exchange and sandbox.
    ['connect-src', ["'self'"]],
    // The traffic page analyses a recording in a Web Worker bundled with the site (components/har). Said outright
    // rather than left to the fallback on script-src, so that no change to script-src opens workers to blob:.
    ['worker-src', ["'self'"]],
    // The Embed dialog previews the lab's own /embed/ pages.
    ['frame-src', ["'self'"]],
    ['form-action', ["'self'"]],
    // No page uses <base>; an injected one could otherwise redirect every relative script URL.
    ['base-uri', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', frameAncestors.split(' ')],
  ];
}

/**
 * Sandbox, exchange and oEmbed answers are JSON or plain text, never a document: they need nothing,
 * and a browser that opens one directly (or is tricked into framing it) runs and loads nothing.
 * @type {Directive[]}
 */
export const API_DIRECTIVES = [
  ['default-src', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/**
 * The header value: directives joined by "; " (CSP3 §2.2.1 serialized-policy).
 * @param {readonly Directive[]} directives
 * @returns {string}
 */
export function serializePolicy(directives) {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The policy of a page that only the lab itself may frame (every page but the embeds).
 * @param {{ development?: boolean }} [options]
 * @returns {string}
 */
export function pagePolicy({ development = false } = {}) {
  return serializePolicy(pageDirectives({ frameAncestors: "'self'", development }));
}

export const API_POLICY = serializePolicy(API_DIRECTIVES);
