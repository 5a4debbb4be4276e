// Every compatibility case, played in-process: the lab's side (answerCase) against a client built from
// lib/http-auth's client side. The RFC-following client must grade `follows` on every case; a client doing
// each named alternative `differs`; careless clients `differs` or `fails` as the case says.
import { COMPAT_CASES, findCompatCase } from '@/lib/compat/cases';
import type { CompatCase, Expectation } from '@/lib/compat/case-schema';
import { gradeCase } from '@/lib/compat/grade';
import { runCaseClient, type ClientOptions } from './support/case-client';

const byId = (id: string): CompatCase => {
  const found = findCompatCase(id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

/** The client that does an alternative: what a real client would have to do to be graded that way. */
function alternativeClient(compatCase: CompatCase, expect: Expectation): ClientOptions {
  switch (expect.kind) {
    case 'answers':
      if (compatCase.flow.kind === 'nextnonce') return { nextnonce: 'wait' };
      return { prefer: { scheme: expect.scheme, algorithm: expect.algorithm }, lenient: true, ...(expect.userhash === false ? { noUserhash: true } : {}) };
    case 'does-not-answer':
      return { neverAnswer: true };
    case 'answers-after-redirect':
      return { noReuse: true };
    case 'retries-with-new-nonce':
      return { nextnonce: 'reuse-old' };
    case 'repeats-credentials':
      return { repeatRefusedToken: true };
    default:
      throw new Error(`no client for the alternative ${expect.kind} of ${compatCase.id}`);
  }
}

describe('an RFC-following client built from lib/http-auth', () => {
  test.each(COMPAT_CASES.map((c) => [c.id, c] as const))('%s: follows', async (_id, compatCase) => {
    const observations = await runCaseClient(compatCase);
    const grade = gradeCase(compatCase, observations);
    expect({ verdict: grade.verdict, explanation: grade.explanation }).toEqual({ verdict: 'follows', explanation: expect.any(String) });
  });
});

describe('a client doing a legal alternative', () => {
  const rows = COMPAT_CASES.flatMap((c) =>
    c.alternatives.map((alternative, index) => [`${c.id} #${index + 1} (${alternative.expect.kind})`, c, alternative] as const),
  );
  test('the catalogue names alternatives worth grading', () => expect(rows.length).toBeGreaterThanOrEqual(12));
  test.each(rows)('%s: differs, with the reason', async (_name, compatCase, alternative) => {
    const grade = gradeCase(compatCase, await runCaseClient(compatCase, alternativeClient(compatCase, alternative.expect)));
    expect(grade.verdict).toBe('differs');
    expect(grade.explanation).toContain(alternative.reason);
  });
});

describe('careless clients', () => {
  const careless: Array<[string, string, ClientOptions, 'differs' | 'fails', RegExp]> = [
    ['Basic sent regardless to a Digest-only server', 'digest-sha256-sess', { basicRegardless: true }, 'fails', /answered with Basic/],
    ['Basic sent regardless where nothing can be answered', 'unknown-scheme-only', { basicRegardless: true }, 'fails', /sent Basic credentials/],
    ['Basic sent regardless to NTLM', 'ntlm', { basicRegardless: true }, 'fails', /not NTLM/],
    ['the RFC 2069 form to qop="auth,auth-int", as wget sends it', 'digest-qop-auth-and-auth-int', { noQop: true }, 'fails', /RFC 2069 form/],
    ['stale=true ignored', 'digest-stale-nonce', { ignoreStale: true }, 'fails', /sent nothing more/],
    ['Authorization kept across origins', 'redirect-cross-origin', { keepAcrossOrigins: true }, 'fails', /to the other origin/],
    ['ISO-8859-1 where the server said charset="UTF-8"', 'basic-charset-utf8-non-ascii', { basicCharset: 'ISO-8859-1' }, 'fails', /never verified/],
    ['the refused token sent again after 403 insufficient_scope', 'bearer-insufficient-scope', { repeatRefusedToken: true }, 'fails', /again 1 time/],
    ['the expired token sent again', 'bearer-invalid-token', { repeatRefusedToken: true }, 'differs', /cannot succeed/],
    ['MD5 preferred where SHA-256 is listed first', 'digest-sha256-then-md5', { prefer: { scheme: 'Digest', algorithm: 'MD5' } }, 'differs', /without SHA-256/],
    [
      'a Digest client that knows only SHA-256, on an MD5-only server',
      'whitespace-around-equals',
      { prefer: { scheme: 'Digest', algorithm: 'SHA-256' } },
      'fails',
      /sent no credentials/,
    ],
  ];
  test.each(careless)('%s (%s): %s', async (_name, id, options, verdict, explanation) => {
    const compatCase = byId(id);
    const grade = gradeCase(compatCase, await runCaseClient(compatCase, options));
    expect(grade.verdict).toBe(verdict);
    expect(grade.explanation).toMatch(explanation);
  });

  test('ISO-8859-1 is fine where the server named no charset, and the lab records which encoding arrived', async () => {
    const compatCase = byId('basic-no-charset-non-ascii');
    const observations = await runCaseClient(compatCase, { basicCharset: 'ISO-8859-1' });
    expect(gradeCase(compatCase, observations).verdict).toBe('follows');
    expect(observations.flatMap((o) => (o.authorization?.shape.kind === 'basic' ? [o.authorization.shape.encoding] : []))).toEqual(['ISO-8859-1']);
  });
});

describe('gradeCase', () => {
  test('is pending until a request for the case arrives, and ignores other cases’ requests', async () => {
    const compatCase = byId('basic-plain');
    expect(gradeCase(compatCase, []).verdict).toBe('pending');
    const other = await runCaseClient(byId('lower-case-scheme'));
    expect(gradeCase(compatCase, other)).toEqual({ verdict: 'pending', explanation: expect.stringContaining('No request') });
  });

  test('a client that stops at the first challenge fails a case it should answer, and the explanation says what the RFCs want', async () => {
    const compatCase = byId('proxy-basic-then-origin-basic');
    const grade = gradeCase(compatCase, await runCaseClient(compatCase, { neverAnswer: true }));
    expect(grade.verdict).toBe('fails');
    expect(grade.explanation).toContain(compatCase.follows);
  });
});
