import { encodeUtf8 } from './text';

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

export function constantTimeEqualText(a: string, b: string): boolean {
  return constantTimeEqual(encodeUtf8(a), encodeUtf8(b));
}
