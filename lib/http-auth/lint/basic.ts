import { diagnostic } from '../diagnostic';
import type { ParsedElement } from '../grammar/elements';
import type { Diagnostic } from '../types';

/** RFC 7617 §2 and §2.1: what a Basic challenge needs, and what it may carry. */
export function lintBasicChallenge(el: ParsedElement): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (el.token68) {
    out.push(diagnostic('basic-token68', 'A Basic challenge carries parameters (realm, charset), not a token68 (RFC 7617 §2).', el.token68.index));
  }
  if (!el.token68 && !el.params.some((p) => p.name === 'realm')) {
    out.push(diagnostic('basic-no-realm', 'A Basic challenge must name its realm (RFC 7617 §2: realm is REQUIRED).', el.schemeIndex));
  }
  for (const p of el.params) {
    if (p.name === 'realm') continue;
    if (p.name === 'charset') {
      if (p.value.toLowerCase() !== 'utf-8') {
        out.push(diagnostic('basic-charset', `charset="${p.value}": the only value RFC 7617 §2.1 allows is "UTF-8" (case-insensitive).`, p.valueIndex));
      }
      continue;
    }
    out.push(diagnostic('basic-unknown-param', `Basic defines no '${p.name}' parameter; clients ignore it (RFC 7617 §2).`, p.nameIndex));
  }
  return out;
}

/** RFC 7617 §2: `credentials = "Basic" 1*SP token68`. */
export function lintBasicCredentials(el: ParsedElement): Diagnostic[] {
  if (el.token68) return [];
  return [diagnostic('basic-not-token68', 'Basic credentials are one token68: base64 of "user-id:password" (RFC 7617 §2).', el.schemeIndex)];
}
