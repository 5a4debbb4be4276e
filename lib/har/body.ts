import { decodeBase64 } from '@/lib/http-auth';
import type { RecordedBody } from './exchange';

// A recorded body kept as text only when it can matter to authentication (a token endpoint's JSON, a
// problem document, a sign-in form) and is small: a 50 MB HAR is mostly images and scripts, and keeping
// them would cost memory for nothing the diagnosis reads.

/** Larger bodies are left out: a token response or an error document is a few KiB. */
export const MAX_KEPT_BODY_CHARS = 256 * 1024;

// Text an auth diagnosis reads: JSON (token responses, RFC 9457 problems), XML (SAML), forms, HTML (a sign-in
// page), plain text, JWTs. Scripts and stylesheets are text too, but never about authentication, and they are
// most of a page's bytes.
const TEXTUAL = /^(?:text\/(?:html|plain|xml)|application\/(?:[\w.+-]*\+)?(?:json|xml|x-www-form-urlencoded|jwt)\b|application\/problem)/i;

/** Whether a body of this media type is kept (RFC 6838 §4.2.8 structured suffixes included); no type: kept. */
export const isKeptText = (mimeType: string): boolean => TEXTUAL.test(mimeType.trim()) || mimeType.trim() === '';

const asText = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : typeof value === 'string' ? value : String(value));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** HAR content or postData: text, base64 (decoded when it is UTF-8 text), or only a size (-1 means unknown). */
export function recordedBody(mimeTypeIn: unknown, textIn: unknown, encodingIn: unknown, sizeIn?: number | null): RecordedBody | undefined {
  const mimeType = asText(mimeTypeIn) ?? '';
  const text = asText(textIn);
  const size = typeof sizeIn === 'number' && sizeIn >= 0 ? sizeIn : undefined;
  if (text === undefined || text === '') {
    return size ? { kind: 'omitted', mimeType, size, reason: 'not-recorded' } : undefined;
  }
  if (text.length > MAX_KEPT_BODY_CHARS * (encodingIn === 'base64' ? 4 / 3 : 1))
    return { kind: 'omitted', mimeType, size: size ?? text.length, reason: 'too-large' };
  if (!isKeptText(mimeType)) {
    const reason = /^(?:text\/|application\/(?:javascript|ecmascript)\b)/i.test(mimeType.trim()) ? 'not-auth-text' : 'binary';
    return { kind: 'omitted', mimeType, size: size ?? text.length, reason };
  }
  if (asText(encodingIn)?.toLowerCase() !== 'base64') return { kind: 'text', mimeType, text };
  const decoded = decodeBase64(text.replace(/\s+/g, ''));
  if (decoded.kind === 'invalid') return { kind: 'omitted', mimeType, size, reason: 'binary' };
  try {
    return { kind: 'text', mimeType, text: utf8.decode(decoded.bytes) };
  } catch {
    return { kind: 'omitted', mimeType, size: decoded.bytes.length, reason: 'binary' };
  }
}
