/**
 * Compares in time that depends only on the lengths, not on where the first difference is, so a
 * response digest or token cannot be guessed byte by byte from timing. No Web Crypto needed.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * The same for text, over UTF-16 code units: two strings are equal exactly when their code units are,
 * so no encoding is needed (two TextEncoder calls per password check cost more than the comparison).
 * Stricter than comparing UTF-8 bytes, where every lone surrogate becomes U+FFFD and two different ones
 * would compare equal. Time depends only on the lengths.
 */
export function constantTimeEqualText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  // charCodeAt past the end is NaN, and NaN | 0 is 0: the shorter string reads as zeros, as above.
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
