import { diagnostic } from '../diagnostic';
import type { ParamSyntax } from '../grammar/auth-params';
import type { Diagnostic } from '../types';

// Parameters the OAuth schemes (Bearer, DPoP) share: RFC 9728 §5.1's resource_metadata and RFC 9470 §3's
// step-up requirements, which that RFC defines "for those OAuth authentication schemes" alike.

/** One parameter's findings; `scheme` (lower case) prefixes the id where the rule is the scheme's own. */
export function lintOAuthParam(p: ParamSyntax, scheme: 'bearer' | 'dpop'): Diagnostic[] {
  switch (p.name) {
    case 'resource_metadata':
      return URL.canParse(p.value) && ['http:', 'https:'].includes(new URL(p.value).protocol)
        ? []
        : [
            diagnostic(
              `${scheme}-resource-metadata-url`,
              `resource_metadata="${p.value}" is not an absolute URL a client could fetch (RFC 9728 §5.1).`,
              p.valueIndex,
            ),
          ];
    case 'max_age':
      // RFC 9470 §3: a token or a quoted-string, but it "has to represent a non-negative integer".
      return /^\d+$/.test(p.value)
        ? []
        : [diagnostic('step-up-max-age', `max_age="${p.value}" is not a non-negative whole number of seconds (RFC 9470 §3).`, p.valueIndex)];
    case 'acr_values':
      // RFC 9470 §3: "a space-separated string" of authentication context class references.
      return /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(p.value)
        ? []
        : [diagnostic('step-up-acr-values', `acr_values="${p.value}" is not a list of values separated by single spaces (RFC 9470 §3).`, p.valueIndex)];
    default:
      return [];
  }
}
