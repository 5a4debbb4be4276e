import { type Challenge, type Diagnostic, extentAt, parseChallenges } from '@/lib/http-auth';
import { type LocatedChallenge, diagnosticSpan, locateChallenges } from './locate';
import { type SourceField, locate, nameSpan } from './source';
import { connectionSchemeFindings } from './connection-schemes';
import { finding } from './finding';
import { oauthFindings } from './oauth-challenges';
import type { ChallengeContext, ChallengeField, ChallengeHeader, Finding, Severity } from './types';

// WWW-Authenticate and Proxy-Authenticate: the library's diagnostics placed in the paste, plus what
// only the whole response can tell (the status that goes with a Bearer or DPoP error code).

export type Analysed = { fields: ChallengeField[]; challenges: Challenge[]; findings: Finding[] };

// Sender mistakes that break a MUST and leave the challenge unusable or wrong are errors; what
// recipients accept anyway is a warning; what changes nothing is a note.
const LIBRARY_SEVERITY: Record<string, Severity> = {
  'bearer-no-params': 'error',
  'bearer-token68': 'error',
  'dpop-token68': 'error',
  'basic-no-realm': 'error',
  'basic-charset': 'error',
  'basic-token68': 'error',
  'digest-token68': 'error',
  'digest-missing-param': 'error',
  'digest-unknown-algorithm': 'error',
  'basic-unknown-param': 'info',
};

// IANA HTTP Authentication Scheme Registry (RFC 9110 §16.4.1), lower-cased.
const REGISTERED = new Set([
  'basic',
  'bearer',
  'concealed',
  'digest',
  'dpop',
  'gnap',
  'hoba',
  'mutual',
  'negotiate',
  'oauth',
  'privatetoken',
  'scram-sha-1',
  'scram-sha-256',
  'vapid',
]);

function enrich(d: Diagnostic, value: string): string {
  if (d.code === 'bearer-no-params') {
    return `${d.message} A client can still send a token, but learns no realm or scope from it; some test servers send this and accept any token.`;
  }
  if (d.code === 'digest-unknown-algorithm') {
    const alg = value.slice(d.index, d.index + extentAt(value, d.index)).replace(/"/g, '');
    if (/^sha-512(-sess)?$/i.test(alg)) {
      return `algorithm=${alg} is not a registered Digest algorithm; SHA-512-256 (the SHA-512/256 hash) is. A client ignores this challenge (RFC 7616 §3.3).`;
    }
  }
  return d.message;
}

function fromDiagnostic(field: SourceField, d: Diagnostic, severity: Severity): Finding {
  return finding(severity, d.code, enrich(d, field.value), diagnosticSpan(field, d));
}

function schemeFindings(c: Challenge, field: SourceField, at: LocatedChallenge | undefined): Finding[] {
  const scheme = c.scheme.toLowerCase();
  if (REGISTERED.has(scheme)) return [];
  const span = at ? locate(field, at.schemeIndex, c.scheme.length) : locate(field, 0, field.value.length);
  const message =
    scheme === 'jwt'
      ? 'JWT is a token format, not an HTTP authentication scheme: a JWT travels in a Bearer challenge and credentials (RFC 6750).'
      : `${c.scheme} is not in the IANA HTTP Authentication Scheme Registry: only a client built for it can answer (RFC 9110 §16.4.1).`;
  return [finding('info', 'unregistered-scheme', message, span, 'RFC 9110 §16.4.1')];
}

function analyseField(field: SourceField, header: ChallengeHeader, ctx: ChallengeContext, out: Analysed): void {
  const parsed = parseChallenges(field.value);
  if (!parsed.ok) {
    out.findings.push(fromDiagnostic(field, parsed.error, 'error'));
    out.fields.push({ header, line: field.line, value: field.value, ok: false, challenges: [] });
    return;
  }
  const challenges = parsed.value;
  out.fields.push({ header, line: field.line, value: field.value, ok: true, challenges });
  out.challenges.push(...challenges);
  for (const w of parsed.warnings) {
    if (w.code === 'no-challenge') out.findings.push(noChallenge(field, header, ctx.status));
    else out.findings.push(fromDiagnostic(field, w, LIBRARY_SEVERITY[w.code] ?? 'warning'));
  }
  const positions = locateChallenges(field.value);
  challenges.forEach((c, i) => {
    const at = positions[i];
    out.findings.push(...schemeFindings(c, field, at));
    out.findings.push(...oauthFindings(c, field, at, { ...ctx, header }));
    out.findings.push(...connectionSchemeFindings(c, field, at, ctx.httpVersion));
  });
  const second = positions[1];
  if (challenges.length > 1) {
    const span = second ? locate(field, second.schemeIndex, second.scheme.length) : nameSpan(field);
    const message = `${challenges.length} challenges share this line. That is valid, but one challenge per ${header} line interoperates better: weaker parsers split a line at the wrong comma (RFC 9110 §11.6.1).`;
    out.findings.push(finding('info', 'several-challenges-one-line', message, span, 'RFC 9110 §11.6.1'));
  }
}

function noChallenge(field: SourceField, header: ChallengeHeader, status: number | undefined): Finding {
  const required = (header === 'WWW-Authenticate' && status === 401) || (header === 'Proxy-Authenticate' && status === 407);
  const span = field.value === '' ? nameSpan(field) : locate(field, 0, field.value.length);
  const message = `This ${header} field carries no challenge${required ? `, yet a ${status} must carry at least one` : ''} (RFC 9110 ${header === 'WWW-Authenticate' ? '§15.5.2' : '§15.5.8'}).`;
  return finding(required ? 'error' : 'warning', 'no-challenge', message, span);
}

/** Parses every field line on its own, so one broken line does not hide the challenges on the others. */
export function analyseChallenges(fields: readonly SourceField[], header: ChallengeHeader, ctx: ChallengeContext): Analysed {
  const out: Analysed = { fields: [], challenges: [], findings: [] };
  for (const field of fields) analyseField(field, header, ctx, out);
  const second = fields[1];
  if (second) {
    const message =
      `${fields.length} ${header} lines: the form that interoperates best (RFC 9110 §11.6.1). Note that Fetch's Headers.get() ` +
      `joins them into one string with ", ", so a script needs a real challenge parser to split them again.`;
    out.findings.push(finding('info', 'several-challenge-lines', message, nameSpan(second), 'RFC 9110 §11.6.1'));
  }
  return out;
}
