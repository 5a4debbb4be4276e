import { diagnostic } from './diagnostic';
import type { ParsedElement } from './grammar/elements';
import { GrammarError, Scanner } from './grammar/scanner';
import { parseAuthInfoLine, parseChallengeLine, parseCredentialsLine } from './grammar/lines';
import { lintAuthInfo, lintChallenge, lintCredentials } from './lint';
import { paramsRecord } from './params';
import type { Challenge, Credentials, Diagnostic, ParseResult } from './types';

function toElementValue(el: ParsedElement): Challenge {
  const params = paramsRecord(el.params);
  return el.token68 ? { scheme: el.scheme, token68: el.token68.value, params } : { scheme: el.scheme, params };
}

/**
 * Places a diagnostic in its input: on the given line, and never past the last character (a problem
 * "at the end" points at the last character, so a caret can always be drawn under something).
 */
function allLocated(a: Diagnostic[], b: Diagnostic[], input: string): Diagnostic[] {
  if (a.length + b.length === 0) return []; // the common case, without allocating twice
  return [...a, ...b].map((w) => located(w, input, undefined));
}

function located(d: Diagnostic, input: string, line: number | undefined): Diagnostic {
  const index = Math.max(0, Math.min(d.index, input.length - 1));
  if (line === undefined) return index === d.index ? d : { ...d, index };
  return { ...d, index, line };
}

function parseOneChallengeLine(input: string, line: number | undefined, out: Challenge[], warnings: Diagnostic[]): void {
  const s = new Scanner(input);
  const elements = parseChallengeLine(s);
  for (const w of s.warnings) warnings.push(located(w, input, line));
  for (const el of elements) {
    out.push(toElementValue(el));
    for (const w of lintChallenge(el)) warnings.push(located(w, input, line));
  }
}

/**
 * RFC 9110 §11.6.1 / §11.7.1: `WWW-Authenticate` and `Proxy-Authenticate` are `#challenge`. Pass
 * several field lines as an array: joining them first is what loses challenges in weaker parsers.
 */
export function parseChallenges(fieldValue: string | readonly string[]): ParseResult<Challenge[]> {
  const lines = typeof fieldValue === 'string' ? [fieldValue] : fieldValue;
  const several = typeof fieldValue !== 'string';
  const value: Challenge[] = [];
  const warnings: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = several ? i : undefined;
    const input = lines[i] ?? '';
    try {
      parseOneChallengeLine(input, line, value, warnings);
    } catch (e) {
      if (e instanceof GrammarError) return { ok: false, error: located(e.diagnostic, input, line) };
      throw e;
    }
  }
  if (value.length === 0) {
    const d = diagnostic('no-challenge', 'No challenge here; a 401 or 407 must carry at least one (RFC 9110 §15.5.2, §15.5.8).', 0);
    warnings.push(several && lines.length > 0 ? { ...d, line: 0 } : d);
  }
  return { ok: true, value, warnings };
}

/**
 * RFC 9110 §11.6.2 / §11.7.2: `Authorization` and `Proxy-Authorization` hold one credentials. `lint: false`
 * leaves out the scheme-specific advice (lintCredentials), for a server that reads only the value.
 */
export function parseCredentials(fieldValue: string, options: { lint?: boolean } = {}): ParseResult<Credentials> {
  const s = new Scanner(fieldValue);
  try {
    const el = parseCredentialsLine(s);
    const advice = options.lint === false ? [] : lintCredentials(el);
    return { ok: true, value: toElementValue(el), warnings: allLocated(s.warnings, advice, fieldValue) };
  } catch (e) {
    if (e instanceof GrammarError) return { ok: false, error: located(e.diagnostic, fieldValue, undefined) };
    throw e;
  }
}

/**
 * RFC 9110 §11.6.3 / §11.7.3: `Authentication-Info` is `#auth-param`; its meaning comes from the scheme
 * that was used, so pass `scheme` to get that scheme's warnings (Digest quoting, RFC 7616 §3.5).
 */
export function parseAuthInfo(fieldValue: string, options: { scheme?: string } = {}): ParseResult<Record<string, string>> {
  const s = new Scanner(fieldValue);
  try {
    const params = parseAuthInfoLine(s);
    return { ok: true, value: paramsRecord(params), warnings: allLocated(s.warnings, lintAuthInfo(params, options.scheme), fieldValue) };
  } catch (e) {
    if (e instanceof GrammarError) return { ok: false, error: located(e.diagnostic, fieldValue, undefined) };
    throw e;
  }
}
