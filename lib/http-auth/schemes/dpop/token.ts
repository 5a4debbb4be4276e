import { failure, success } from '../../diagnostic';
import { isToken68 } from '../../grammar/chars';
import { parseCredentials } from '../../parse';
import type { ParseResult } from '../../types';

/** RFC 9449 §7.1: `Authorization: DPoP <token68>`, the access token itself; the scheme matches case-insensitively. */
export function readDpopToken(fieldValue: string): ParseResult<string> {
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) return parsed;
  const { scheme, token68 } = parsed.value;
  const at = fieldValue.indexOf(scheme);
  if (scheme.toLowerCase() !== 'dpop') return failure('dpop-wrong-scheme', `These are '${scheme}' credentials, not DPoP.`, at);
  if (token68 === undefined || !isToken68(token68)) {
    return failure('dpop-not-token68', 'DPoP credentials are the access token itself, a single token68 (RFC 9449 §7.1).', at);
  }
  return success(token68, parsed.warnings);
}
