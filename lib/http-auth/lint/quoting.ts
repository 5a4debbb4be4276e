import { diagnostic } from '../diagnostic';
import type { ParamSyntax } from '../grammar/auth-params';
import { quotingRules } from '../quoting';
import type { Diagnostic, ParamContext } from '../types';

const DIGEST_SECTION: Record<ParamContext, string> = { challenge: '§3.3', credentials: '§3.4', 'auth-info': '§3.5' };

/**
 * Warns where a sender quoted or left bare what the RFCs say not to. Only `realm` (RFC 9110 §11.5) and
 * Digest (RFC 7616) make such rules; recipients accept both forms anyway (RFC 9110 §11.2).
 */
export function lintQuoting(scheme: string, context: ParamContext, params: readonly ParamSyntax[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // `scheme` is already lower-cased by the caller. Only Digest has rules beyond realm's.
  const rules = scheme === 'digest' ? quotingRules(scheme, context) : undefined;
  for (const p of params) {
    if (p.name === 'realm') {
      if (!p.quoted) {
        out.push(diagnostic('realm-not-quoted', 'realm must be sent as a quoted-string (RFC 9110 §11.5); accepted as a token.', p.valueIndex));
      }
      continue;
    }
    const rule = rules?.get(p.name);
    if (rule === undefined) continue;
    const section = `RFC 7616 ${DIGEST_SECTION[context]}`;
    if (rule === 'quote' && !p.quoted) {
      out.push(diagnostic('digest-should-quote', `Digest sends '${p.name}' as a quoted-string (${section}); accepted as a token.`, p.valueIndex));
    } else if (rule === 'token' && p.quoted) {
      out.push(diagnostic('digest-should-not-quote', `Digest sends '${p.name}' without quotes (${section}); accepted quoted.`, p.valueIndex));
    }
  }
  return out;
}
