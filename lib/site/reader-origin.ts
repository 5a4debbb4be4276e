/**
 * The origin of the page the reader is on, for the commands it shows; `fallback` on the server, and
 * where the page's own origin names no server to send requests to (a file:// copy, an opaque origin).
 */
export function readerOrigin(fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  const { protocol, origin } = window.location;
  return protocol === 'http:' || protocol === 'https:' ? origin : fallback;
}

/** The host[:port] of the page the reader is on, for a transcript's Host field; `fallback` where readerOrigin falls back. */
export function readerHost(fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  const { protocol, host } = window.location;
  return protocol === 'http:' || protocol === 'https:' ? host : fallback;
}
