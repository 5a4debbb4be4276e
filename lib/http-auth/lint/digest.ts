import { diagnostic } from '../diagnostic';
import type { ParsedElement } from '../grammar/elements';
import { digestAlgorithm } from '../schemes/digest/algorithm';
import type { Diagnostic } from '../types';

function missing(el: ParsedElement, names: readonly string[], section: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of names) {
    if (!el.params.some((p) => p.name === name)) {
      out.push(diagnostic('digest-missing-param', `Digest needs '${name}' here (RFC 7616 ${section}).`, el.schemeIndex));
    }
  }
  return out;
}

function lintAlgorithm(el: ParsedElement): Diagnostic[] {
  const p = el.params.find((q) => q.name === 'algorithm');
  if (!p || digestAlgorithm(p.value)) return [];
  return [
    diagnostic(
      'digest-unknown-algorithm',
      `algorithm=${p.value} is not registered (MD5, SHA-256, SHA-512-256 and their -sess forms): a client ignores this challenge (RFC 7616 §3.3).`,
      p.valueIndex,
    ),
  ];
}

function lintToken68(el: ParsedElement): Diagnostic[] {
  if (!el.token68) return [];
  return [diagnostic('digest-token68', 'Digest uses parameters, not a token68 (RFC 7616 §3.3, §3.4).', el.token68.index)];
}

/** RFC 7616 §3.3: realm and nonce are required; an unknown algorithm voids the challenge. */
export function lintDigestChallenge(el: ParsedElement): Diagnostic[] {
  if (el.token68) return lintToken68(el);
  return [...missing(el, ['realm', 'nonce'], '§3.3'), ...lintAlgorithm(el)];
}

/** RFC 7616 §3.4: the fields every Digest Authorization carries. */
export function lintDigestCredentials(el: ParsedElement): Diagnostic[] {
  if (el.token68) return lintToken68(el);
  const out = missing(el, ['realm', 'nonce', 'uri', 'response'], '§3.4');
  const plain = el.params.some((p) => p.name === 'username');
  const extended = el.params.some((p) => p.name === 'username*');
  if (!plain && !extended) out.unshift(...missing(el, ['username'], '§3.4'));
  if (plain && extended) {
    out.push(diagnostic('digest-username-twice', 'username and username* must not both be sent (RFC 7616 §3.4).', el.schemeIndex));
  }
  return [...out, ...lintAlgorithm(el)];
}
