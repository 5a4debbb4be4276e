import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Explanation, type Finding, MAX_EXPLAIN_BYTES, explainResponse } from '@/lib/explain';
import { excerpt } from '@/lib/explain/excerpt';

// Golden fixtures: `name.txt` is a paste exactly as a reader would give it (raw HTTP, curl -v output,
// one header line); `name.json` lists every finding with the characters it marks, and the next step.

const DIR = join(__dirname, '..', '..', 'fixtures', 'explain');

type Expected = {
  source: Explanation['source'];
  status?: number;
  findings: Array<Pick<Finding, 'severity' | 'code' | 'line' | 'column' | 'length'> & { marked: string }>;
  nextStep: Explanation['nextStep']['kind'];
};

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => f.slice(0, -'.txt'.length));

const lines = (text: string) => text.split(/\r?\n/);

function summarise(text: string, e: Explanation): Expected {
  const ls = lines(text);
  return {
    source: e.source,
    ...(e.status !== undefined ? { status: e.status } : {}),
    findings: e.findings.map(({ severity, code, line, column, length }) => ({
      severity,
      code,
      line,
      column,
      length,
      marked: (ls[line - 1] ?? '').slice(column - 1, column - 1 + length),
    })),
    nextStep: e.nextStep.kind,
  };
}

/** A finding lies inside the paste: on one of its lines, its marked characters all on that line. */
function inside(text: string, f: Finding): boolean {
  const ls = lines(text);
  const line = ls[f.line - 1];
  if (line === undefined || !Number.isInteger(f.column) || !Number.isInteger(f.length)) return false;
  return f.column >= 1 && f.length >= 0 && f.column + f.length - 1 <= Math.max(line.length, f.column - 1);
}

describe('explainResponse: golden fixtures (tests/fixtures/explain)', () => {
  it('has at least 15 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Expected;
    const explanation = explainResponse(text);
    expect(summarise(text, explanation)).toEqual(expected);
    for (const f of explanation.findings) {
      expect(inside(text, f)).toBe(true);
      expect(f.message.length).toBeGreaterThan(0);
    }
    expect(explanation.nextStep.summary.length).toBeGreaterThan(0);
  });
});

describe('explainResponse: parsed pieces', () => {
  it('keeps repeated WWW-Authenticate lines apart and reads curl -v HTTP/2', () => {
    const e = explainResponse(readFileSync(join(DIR, 'http2-stale-digest.txt'), 'utf8'));
    expect(e).toMatchObject({ source: 'curl', status: 401, reason: '', standardReason: 'Unauthorized', httpVersion: 'HTTP/2' });
    expect(e.challenges.map((f) => [f.line, f.challenges.map((c) => c.scheme)])).toEqual([
      [2, ['Basic']],
      [3, ['Digest']],
      [4, ['NTLM']],
    ]);
    expect(e.headers.map((h) => h.name)).toEqual(['www-authenticate', 'www-authenticate', 'www-authenticate']);
    expect(e.nextStep.choice).toMatchObject({ kind: 'chosen', index: 1, scheme: 'digest' });
  });

  it('folds obs-fold continuation lines into one value, with a space', () => {
    const e = explainResponse(readFileSync(join(DIR, 'obs-fold.txt'), 'utf8'));
    expect(e.headers[0]).toEqual({ name: 'WWW-Authenticate', value: 'Basic realm="intranet", charset="ISO-8859-1"', line: 2, column: 1, lastLine: 3 });
    expect(e.challenges[0]?.challenges[0]).toEqual({ scheme: 'Basic', params: { realm: 'intranet', charset: 'ISO-8859-1' } });
  });

  it('reads the request a curl -v response answers, and Authentication-Info', () => {
    const e = explainResponse(readFileSync(join(DIR, 'curl-digest-two-responses.txt'), 'utf8'));
    expect(e.requestMethod).toBe('GET');
    expect(e.authInfo).toEqual([
      {
        header: 'Authentication-Info',
        line: 15,
        ok: true,
        params: expect.objectContaining({ qop: 'auth', nc: '00000001', nextnonce: 'P8ZBq4x0yA' }),
      },
    ]);
  });

  it('parses a token68 challenge and a challenge line that fails on its own', () => {
    const e = explainResponse('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate YIIBhgYGKwYBBQUCoII=\nWWW-Authenticate: Basic realm="x\n');
    expect(e.challenges).toEqual([
      {
        header: 'WWW-Authenticate',
        line: 2,
        value: 'Negotiate YIIBhgYGKwYBBQUCoII=',
        ok: true,
        challenges: [{ scheme: 'Negotiate', token68: 'YIIBhgYGKwYBBQUCoII=', params: {} }],
      },
      { header: 'WWW-Authenticate', line: 3, value: 'Basic realm="x', ok: false, challenges: [] },
    ]);
    expect(e.nextStep.notes.join(' ')).toContain('line 3');
  });

  it('points at the very characters of the library diagnostics, after a curl prefix', () => {
    const text = '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm="a", realm="b"\n<\n';
    const [f] = explainResponse(text).findings;
    const column = (lines(text)[1] ?? '').lastIndexOf('realm') + 1; // the second realm, past "< "
    expect(column).toBe(38);
    expect(f).toMatchObject({ code: 'duplicate-param', line: 2, column, length: 5, rfc: 'RFC 9110 §11.2' });
  });

  it('explains 403 by the SHOULD NOT-repeat rule, and a 5xx as no auth problem', () => {
    expect(explainResponse('HTTP/1.1 403 Forbidden\n').nextStep.summary).toMatch(
      /should not repeat .* same credentials; it may try different ones \(RFC 9110 §15\.5\.4\)/,
    );
    expect(explainResponse('HTTP/1.1 502 Bad Gateway\n').findings.map((f) => f.code)).toEqual(['server-error']);
  });

  it('warns about a 407 from a non-proxy in a browser', () => {
    const e = explainResponse('HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="proxy"\n');
    expect(e.nextStep.kind).toBe('answer-challenge');
    expect(e.nextStep.summary).toContain('Proxy-Authorization: Basic');
    const notes = e.nextStep.notes.join(' ');
    expect(notes).toContain('Chromium turns it into a network error (ERR_UNEXPECTED_PROXY_AUTH)');
    // Issue 15: Firefox answers no such 407 but hands it to the page (content/browser-facts.yaml).
    expect(notes).toContain('Firefox hands it to the page unanswered');
    expect(notes).not.toMatch(/Firefox refuses/);
  });
});

describe('explainResponse: bounded input', () => {
  it('refuses 70 KB with a clear finding pointing past the limit', () => {
    const head = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n';
    const text = head + 'x'.repeat(70 * 1024 - head.length);
    const e = explainResponse(text);
    expect(e.nextStep.kind).toBe('refused');
    expect(e.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'input-too-large', line: 4, column: MAX_EXPLAIN_BYTES - head.length + 1, length: 1 }),
    ]);
    expect(e.findings[0]?.message).toMatch(/70 KiB.*at most 64 KiB/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `HTTP/1.1 200 OK\nX: ${'é'.repeat(33 * 1024)}`; // about 66 KiB of UTF-8 in 33 K characters
    expect(explainResponse(text).nextStep.kind).toBe('refused');
    expect(explainResponse(`HTTP/1.1 200 OK\nX: ${'é'.repeat(31 * 1024)}`).nextStep.kind).toBe('success');
  });
});

describe('explainResponse: properties', () => {
  const pieces = fc.constantFrom(
    'HTTP/1.1 401 Unauthorized',
    'HTTP/2 407',
    'HTTP/1.1 403 Forbidden',
    '< ',
    '> ',
    '* ',
    '> OPTIONS / HTTP/1.1',
    'WWW-Authenticate: ',
    'Proxy-Authenticate:',
    'www-authenticate :',
    'Authentication-Info: ',
    'Cache-Control: public',
    'Access-Control-Allow-Origin: *',
    'Basic',
    'Bearer',
    'Digest',
    'realm="x"',
    'realm=x',
    'error="invalid_token"',
    'algorithm=SHA-512',
    ', ',
    ',',
    ' ',
    '\t',
    '"',
    '\\',
    '=',
    '\n',
    '\r\n',
    '\n ',
    '\n\t',
    '\r',
    '\u0000',
    'é',
    '\u{1F600}',
    'abc==',
    ':',
  );
  const pasted = fc.oneof(
    fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

  it('never throws, and every finding lies inside the paste', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const e = explainResponse(text);
        for (const f of e.findings) {
          expect(inside(text, f)).toBe(true);
          expect(f.code).not.toBe('internal-error');
        }
        expect(typeof e.nextStep.summary).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('the excerpt marks exactly the finding characters, and the caret sits under them', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const ls = lines(text);
        for (const f of explainResponse(text).findings) {
          const line = ls[f.line - 1] ?? '';
          const x = excerpt(line, f.column, f.length, 10_000);
          expect(x.before.length + x.marked.length + x.after.length).toBe(line.length);
          expect(x.caret.length).toBe(x.before.length + Math.max(1, x.marked.length));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('explainResponse: DPoP (RFC 9449) and step-up (RFC 9470)', () => {
  it('tells a DPoP client to retry with the nonce, and how a DPoP challenge is answered', () => {
    const e = explainResponse(readFileSync(join(DIR, 'dpop-use-nonce-401.txt'), 'utf8'));
    expect(e.findings.map((f) => [f.code, f.rfc])).toEqual([
      ['dpop-use-dpop-nonce', 'RFC 9449 §9'],
      ['dpop-nonce', 'RFC 9449 §8.2'],
    ]);
    expect(e.nextStep.notes[0]).toMatch(/nonce claim is this response’s DPoP-Nonce value \(RFC 9449 §9\)/);
    expect(e.nextStep.notes).toContainEqual(
      expect.stringMatching(/^A client holding a DPoP-bound token answers the DPoP challenge with Authorization: DPoP <token>/),
    );
  });

  it('puts the step-up first: a new authorization request with acr_values and max_age, not the same token again', () => {
    const e = explainResponse(
      'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP error="insufficient_user_authentication", acr_values="mfa phr", max_age="60", algs="ES256"\n',
    );
    const stepUp = e.findings.find((f) => f.code === 'dpop-insufficient-user-authentication');
    expect(stepUp?.rfc).toBe('RFC 9470 §3');
    expect(stepUp?.message).toMatch(/acr_values=mfa phr .* and max_age=60 \(a sign-in at most 60 s old\)/);
    expect(e.nextStep.notes[0]).toMatch(/^The DPoP challenge asks for a stronger or more recent sign-in/);
    expect(e.nextStep.notes.at(-1)).toMatch(/signed with one of ES256,/);
  });

  it.each([
    ['DPoP error="use_dpop_nonce"', 400, 'dpop-error-status', /goes with 401, not 400 \(RFC 9449 §9\)\. A token endpoint answers it with 400/],
    ['DPoP error="insufficient_scope"', 401, 'dpop-error-status', /goes with 403, not 401 \(RFC 6750 §3\.1\)/],
    ['Bearer error="insufficient_user_authentication"', 403, 'bearer-error-status', /goes with 401, not 403 \(RFC 9470 §3\)/],
  ])('%s with %i: the status does not go with the code', (challenge, status, code, message) => {
    const e = explainResponse(`HTTP/1.1 ${status} X\nWWW-Authenticate: ${challenge}\n`);
    expect(e.findings.find((f) => f.code === code)?.message).toMatch(message);
  });

  it.each([
    ['HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP error="use_dpop_nonce"\n', ['dpop-nonce-missing']],
    ['HTTP/1.1 200 OK\nCache-Control: no-store\nDPoP-Nonce: eyJ7S_zG.eyJbYu3.xQmBj-1\n', ['dpop-nonce']],
    ['HTTP/1.1 200 OK\nDPoP-Nonce: eyJ7S_zG.eyJbYu3.xQmBj-1\n', ['dpop-nonce', 'dpop-nonce-cacheable']],
    ['HTTP/1.1 200 OK\nCache-Control: no-store\nDPoP-Nonce: a b\n', ['dpop-nonce-syntax']],
    ['HTTP/1.1 200 OK\nCache-Control: no-store\nDPoP-Nonce: a\nDPoP-Nonce: b\n', ['dpop-nonce', 'dpop-nonce-several']],
    [
      'HTTP/1.1 200 OK\nCache-Control: no-store\nAccess-Control-Allow-Origin: *\nAccess-Control-Expose-Headers: WWW-Authenticate\nDPoP-Nonce: a\n',
      ['dpop-nonce-hidden', 'dpop-nonce'],
    ],
    ['HTTP/1.1 200 OK\nCache-Control: no-store\nAccess-Control-Allow-Origin: *\nAccess-Control-Expose-Headers: DPoP-Nonce\nDPoP-Nonce: a\n', ['dpop-nonce']],
  ])('DPoP-Nonce (RFC 9449 §8): %j', (text, codes) => {
    expect(
      explainResponse(text)
        .findings.map((f) => f.code)
        .filter((c) => c.startsWith('dpop-nonce')),
    ).toEqual(codes);
  });

  it('refuses DPoP from a proxy: it authenticates to origin servers only (RFC 9449 §7.1)', () => {
    const e = explainResponse('HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: DPoP algs="ES256"\n');
    expect(e.findings[0]).toMatchObject({ severity: 'error', code: 'dpop-proxy', line: 2, column: 21, length: 4, rfc: 'RFC 9449 §7.1' });
    const origin = explainResponse('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP algs="ES256"\n');
    expect(origin.findings.map((f) => f.code)).not.toContain('dpop-proxy');
  });

  it('names only the algorithms a proof may use when the challenge also lists a MAC', () => {
    const e = explainResponse(readFileSync(join(DIR, 'dpop-invalid-proof-401.txt'), 'utf8'));
    expect(e.nextStep.notes.at(-1)).toMatch(/signed with one of ES256, made with the key/);
  });
});
