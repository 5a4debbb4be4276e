/**
 * The request-target forms of RFC 9112 §3.2. A server MUST accept absolute-form (what a client sends
 * when it uses the lab as its proxy): the lab only ever answers itself, so the authority is dropped
 * and nothing is forwarded anywhere. asterisk-form is OPTIONS * for the server as a whole. An
 * absolute-form target that does not parse is invalid, answered 400, never served as some other path.
 */
export type TargetForm = { kind: 'origin'; target: string } | { kind: 'asterisk' } | { kind: 'invalid'; detail: string };

export function targetForm(raw: string): TargetForm {
  if (raw === '*') return { kind: 'asterisk' };
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      return { kind: 'origin', target: `${url.pathname}${url.search}` };
    } catch {
      // Not a URL (e.g. "http://[:::]/"): a server must not guess what was meant (RFC 9112 §3.2 → 400).
      return { kind: 'invalid', detail: 'The request-target is in absolute-form but is not a valid URI (RFC 9112 §3.2.2).' };
    }
  }
  return { kind: 'origin', target: raw.startsWith('/') ? raw : `/${raw}` };
}
