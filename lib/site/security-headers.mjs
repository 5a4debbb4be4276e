// Baseline security headers for every response. Plain .mjs so next.config.mjs can import it at start-up.

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
    // Only the site itself may frame its pages (embed routes will relax this on their own paths).
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
  ];
}
