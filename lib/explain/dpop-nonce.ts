import { getParam, isDpopNonce, parseChallenges } from '@/lib/http-auth';
import { finding } from './finding';
import { type SourceField, fieldsNamed, listElements, locate, nameSpan } from './source';
import type { Finding } from './types';

// The DPoP-Nonce response field (RFC 9449 §8, §8.2, §9): its syntax, that there is one, that a
// use_dpop_nonce challenge comes with it, and that caches and cross-origin scripts are told about it.

type Ctx = { fields: SourceField[]; status?: number };

const saysUseNonce = (field: SourceField) => {
  const parsed = parseChallenges(field.value);
  return parsed.ok && parsed.value.some((c) => c.scheme.toLowerCase() === 'dpop' && getParam(c.params, 'error') === 'use_dpop_nonce');
};

export function dpopNonceRules({ fields, status }: Ctx): Finding[] {
  const nonces = fieldsNamed(fields, 'DPoP-Nonce');
  const asking = fieldsNamed(fields, 'WWW-Authenticate').find(saysUseNonce);
  const [first, second] = nonces;
  if (!first) {
    if (!asking) return [];
    const message = 'The challenge says use_dpop_nonce but no DPoP-Nonce field gives the nonce to use, so a client cannot retry (RFC 9449 §9).';
    return [finding('warning', 'dpop-nonce-missing', message, nameSpan(asking))];
  }
  const out: Finding[] = [];
  if (second) {
    out.push(
      finding(
        'warning',
        'dpop-nonce-several',
        'There must not be more than one DPoP-Nonce field: which nonce would a client use? (RFC 9449 §8).',
        nameSpan(second),
      ),
    );
  }
  if (!isDpopNonce(first.value)) {
    const message = `DPoP-Nonce "${first.value}" is not 1*NQCHAR: printable ASCII without space, '"' or '\\' (RFC 9449 §8.1).`;
    out.push(finding('warning', 'dpop-nonce-syntax', message, locate(first, 0, first.value.length)));
  } else {
    const message = `DPoP-Nonce: the server's nonce. A DPoP client puts it in the nonce claim of its next proofs to this server until it sends another (RFC 9449 §8.2, §9).`;
    out.push(finding('info', 'dpop-nonce', message, nameSpan(first)));
  }
  const noStore = fieldsNamed(fields, 'Cache-Control').some((f) => listElements(f.value).some((e) => e.text.trim().toLowerCase() === 'no-store'));
  // A 4xx with no explicit freshness is not stored anyway (RFC 9110 §15.1); a 200 may be, heuristically.
  if (!noStore && status !== undefined && status >= 200 && status < 300) {
    const message =
      'A response with DPoP-Nonce should not be cacheable (Cache-Control: no-store), or a cache may hand a stale nonce to the next request (RFC 9449 §8.2).';
    out.push(finding('info', 'dpop-nonce-cacheable', message, nameSpan(first)));
  }
  const origin = fieldsNamed(fields, 'Access-Control-Allow-Origin')[0];
  const exposed = fieldsNamed(fields, 'Access-Control-Expose-Headers').flatMap((f) => listElements(f.value).map((e) => e.text.trim().toLowerCase()));
  if (origin && !exposed.includes('dpop-nonce')) {
    const message = 'Access-Control-Expose-Headers does not list DPoP-Nonce, so a browser client on another origin cannot read the nonce (RFC 9449 §8).';
    out.push(finding('info', 'dpop-nonce-hidden', message, nameSpan(origin)));
  }
  return out;
}
