import { explainResponse } from '@/lib/explain';
import { leadConclusion } from '@/lib/explain/lead';

// Issue 16: a single pasted header leads with the one conclusion that matters, derived from the findings
// and the next step, never "No status line".

const lead = (paste: string) => leadConclusion(explainResponse(paste));

describe('leadConclusion', () => {
  it.each([
    [
      'a sound Basic challenge: what the client does',
      'WWW-Authenticate: Basic realm="x", charset="UTF-8"',
      'next-step',
      'A client holding a user name and password retries with Authorization: Basic.',
    ],
    [
      'a sound proxy challenge: the proxy credentials',
      'Proxy-Authenticate: Basic realm="proxy"',
      'next-step',
      'A client holding a user name and password retries with Proxy-Authorization: Basic.',
    ],
    [
      'a line that does not parse: where, why, and that the client has nothing to answer',
      'WWW-Authenticate: Basic realm=x y',
      'problem',
      "The WWW-Authenticate line does not parse at column 33 (expected ',' or the end after a parameter, found 'y'): the WWW-Authenticate field holds no challenge a client can read, so it has nothing to answer and reports the 401.",
    ],
    [
      'an error the client answers anyway',
      'WWW-Authenticate: Basic',
      'problem',
      'A Basic challenge must name its realm (RFC 7617 §2: realm is REQUIRED); even so, a client holding a user name and password retries with Authorization: Basic.',
    ],
    [
      'a whole 401 without a challenge: the problem once, then its consequence',
      'HTTP/1.1 401 Unauthorized\nContent-Type: text/plain',
      'problem',
      'A 401 must carry WWW-Authenticate with at least one challenge: with no WWW-Authenticate challenge a client cannot tell which scheme to use, so it stops and reports the 401 (RFC 9110 §15.5.2).',
    ],
    // Only a token can answer a Bearer challenge, so the conclusion is about a token holder.
    [
      'a bare Bearer challenge: the token',
      'WWW-Authenticate: Bearer realm="api"',
      'next-step',
      'A client holding a bearer token retries with Authorization: Bearer.',
    ],
    [
      'a Bearer invalid_token: no blind resend',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token"',
      'next-step',
      'A client holding a bearer token does not simply resend it: the token was refused as invalid or expired: refresh it once, then retry (RFC 6750 §3.1).',
    ],
    // Basic beside Bearer: a password holder is the usual reader; the token holder's step is a note.
    [
      'Basic and Bearer offered: the password holder first',
      'WWW-Authenticate: Basic realm="a", Bearer realm="a"',
      'next-step',
      'A client holding a user name and password retries with Authorization: Basic (challenge 1 of 2, the one that exposes least of those it can answer, the earlier on a tie: RFC 9110 §11.6.1, RFC 7616 §3.7).',
    ],
    ['a success', 'HTTP/1.1 200 OK', 'next-step', 'Nothing to do: the server accepted the request.'],
  ])('%s', (_name, paste, kind, sentence) => {
    expect(lead(paste)).toMatchObject({ kind, sentence });
  });

  it.each([
    ['an empty paste', '   '],
    ['text that is not HTTP', 'hello there'],
    ['a paste over the size limit', 'x'.repeat(70_000)],
  ])('leads with nothing for %s: its one finding says so', (_name, paste) => {
    expect(lead(paste)).toBeUndefined();
  });

  it('names the most serious finding: an error before an earlier warning or note', () => {
    const explanation = explainResponse('Bearer realm="a", error="invalid_token"\n');
    const conclusion = leadConclusion({
      ...explanation,
      findings: [
        { severity: 'info', code: 'a-note', message: 'A note.', line: 1, column: 1, length: 1 },
        { severity: 'warning', code: 'a-warning', message: 'A warning.', line: 1, column: 2, length: 1 },
        { severity: 'error', code: 'an-error', message: 'The error. More about it.', line: 1, column: 9, length: 1 },
      ],
    });
    expect(conclusion).toMatchObject({ kind: 'problem', finding: { code: 'an-error' } });
    expect(conclusion?.sentence).toMatch(/^The error: /);
  });

  it('lets a warning lead when there is no error, and never a note', () => {
    const explanation = explainResponse('WWW-Authenticate: Basic realm="a", charset="UTF-8"');
    const note = { severity: 'info', code: 'a-note', message: 'A note.', line: 1, column: 1, length: 1 } as const;
    expect(leadConclusion({ ...explanation, findings: [note] })?.kind).toBe('next-step');
    const warned = leadConclusion({ ...explanation, findings: [note, { ...note, severity: 'warning', code: 'a-warning', message: 'Unusual; but fine.' }] });
    expect(warned).toMatchObject({
      kind: 'problem',
      sentence: 'Unusual; even so, a client holding a user name and password retries with Authorization: Basic.',
    });
  });

  it.each([
    'WWW-Authenticate: Basic realm="x", charset="UTF-8"',
    'WWW-Authenticate: Basic realm=x y',
    'WWW-Authenticate: Digest realm="reports", nonce="abc", qop="auth"',
    'Proxy-Authenticate: Basic realm="proxy"',
    'WWW-Authenticate: Bearer error="invalid_token"',
  ])('a single header line never leads with the missing status line: %s', (paste) => {
    const conclusion = lead(paste);
    expect(conclusion).toBeDefined();
    expect(conclusion?.sentence).not.toMatch(/status line/i);
  });
});
