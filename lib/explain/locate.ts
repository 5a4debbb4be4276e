import { type Diagnostic, authHeaderParts, extentAt } from '@/lib/http-auth';
import { type SourceField, type Span, locate } from './source';

// Positions inside a field value that the library's parse results do not carry: where each challenge's
// scheme and each parameter's value start, and how far the thing a diagnostic points at reaches. Both
// come from lib/http-auth's own grammar (authHeaderParts, extentAt), never a second one
// (architecture.md, "Reading other people's traffic"; RFC 9110 §11.3, §11.6.1).

export type LocatedParam = { name: string; nameIndex: number; valueIndex: number; valueLength: number };
export type LocatedChallenge = { scheme: string; schemeIndex: number; params: LocatedParam[] };

/**
 * Each challenge of a WWW-Authenticate or Proxy-Authenticate value, in order, with its parameters
 * (names lower-cased); the same grammar as parseChallenges, so the same challenges. [] when the value
 * does not parse.
 */
export function locateChallenges(value: string): LocatedChallenge[] {
  const parts = authHeaderParts('challenges', value);
  if (!parts.ok) return [];
  const out: LocatedChallenge[] = [];
  let nameIndex = 0;
  for (const part of parts.value) {
    switch (part.kind) {
      case 'scheme':
        out.push({ scheme: value.slice(part.start, part.end), schemeIndex: part.start, params: [] });
        break;
      case 'param-name':
        nameIndex = part.start;
        break;
      case 'param-value':
      case 'quoted-string':
        out[part.element]?.params.push({ name: part.name, nameIndex, valueIndex: part.start, valueLength: part.end - part.start });
        break;
      case 'token68':
        break;
      default: {
        const unknown: never = part;
        throw new Error(`Unknown auth header part ${JSON.stringify(unknown)}`);
      }
    }
  }
  return out;
}

/** Where a library diagnostic sits in the paste: the quoted-string, token68 or token at its index. */
export function diagnosticSpan(field: SourceField, d: Diagnostic): Span {
  return locate(field, d.index, extentAt(field.value, d.index, d.code.includes('token68') ? 'token68' : 'token'));
}
