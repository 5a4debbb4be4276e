import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { type RecordedExchange, SecretVault, parseCurlVerbose, parseHar, placeholderIds, redactExchange, redactRecording } from '@/lib/har';

// Redaction first: every credential in a recording becomes its shape, and nothing of its value is left in
// any field of what the page gets; the vault gives the value back only when asked.

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/har', name), 'utf8');
const BASIC = `Basic ${btoa('alice:wonderland')}`;
const SIGNATURE = 'c2lnbmF0dXJlLW5vdC1mcm9tLXRoZS1sYWItMDEyMzQ1Njc4OQ';
const JWT = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImF1ZCI6Imh0dHBzOi8vb3RoZXIuZXhhbXBsZSIsImV4cCI6MTcwMDAwMDAwMH0.${SIGNATURE}`;

function exchange(request: Partial<RecordedExchange['request']> = {}, response: Partial<RecordedExchange['response']> = {}): RecordedExchange {
  return {
    index: 0,
    request: { method: 'GET', url: 'https://api.example/r', httpVersion: 'HTTP/1.1', headers: [], pseudoHeaders: [], ...request },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], pseudoHeaders: [], ...response },
    meta: {},
  };
}

const header = (list: Array<[string, string]>, name: string) => list.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('redactExchange: each credential replaced by its shape', () => {
  test('Basic: the user-id stays, the password and the base64 go; the vault gives the field back', () => {
    const vault = new SecretVault();
    const out = redactExchange(exchange({ headers: [['Authorization', BASIC]] }), vault);
    const value = header(out.request.headers, 'Authorization') ?? '';
    expect(value).toMatch(/^Basic \[redacted #1: user-id "alice", password hidden\]$/);
    expect(out.redactions).toEqual([
      {
        id: '1',
        where: 'request 1 Authorization',
        shape: { kind: 'credentials', scheme: 'Basic', shape: { kind: 'basic', userId: 'alice', encoding: 'ascii' } },
      },
    ]);
    expect(vault.reveal(placeholderIds(value)[0] ?? '')).toBe(BASIC);
  });

  test('Bearer JWT: header and claims are shown, the token and its signature are not', () => {
    const out = redactExchange(exchange({ headers: [['Authorization', `Bearer ${JWT}`]] }), new SecretVault());
    expect(out.redactions[0]?.shape).toEqual({
      kind: 'credentials',
      scheme: 'Bearer',
      shape: { kind: 'token', length: JWT.length },
      jwt: { header: { alg: 'HS256', typ: 'JWT' }, claims: { sub: 'alice', aud: 'https://other.example', exp: 1700000000 }, signatureLength: SIGNATURE.length },
    });
    expect(JSON.stringify(out)).not.toContain(SIGNATURE);
  });

  test('Digest: every parameter stays but response, which proves the password (RFC 7616 §3.4.1)', () => {
    const field = 'Digest username="alice", realm="r", nonce="n0nce", uri="/", response="0123456789abcdef0123456789abcdef", qop=auth, nc=00000001, cnonce="c1"';
    const out = redactExchange(exchange({ headers: [['Authorization', field]] }), new SecretVault());
    const value = header(out.request.headers, 'Authorization');
    expect(value).toMatch(/^Digest username="alice", realm="r", nonce="n0nce", uri="\/", response="\[redacted #1: Digest response hidden\]", qop=auth/);
    expect(JSON.stringify(out)).not.toContain('0123456789abcdef0123456789abcdef');
  });

  test('Authentication-Info keeps qop, nc and cnonce; rspauth, computed from the password, goes (RFC 7616 §3.5)', () => {
    const out = redactExchange(
      exchange({}, { headers: [['Authentication-Info', 'qop=auth, rspauth="abcdef0123456789abcdef", cnonce="c1", nc=00000001']] }),
      new SecretVault(),
    );
    expect(header(out.response.headers, 'Authentication-Info')).toBe('qop=auth, rspauth="[redacted #1: 22 characters]", cnonce="c1", nc=00000001');
  });

  test('cookies keep their names and Set-Cookie its attributes (RFC 6265 §4.1, §4.2)', () => {
    const out = redactExchange(
      exchange({ headers: [['Cookie', 'sid=s3ss10nvalue; theme=dark']] }, { headers: [['Set-Cookie', 'sid=n3wsess10n; Path=/; Max-Age=3600; HttpOnly']] }),
      new SecretVault(),
    );
    expect(header(out.request.headers, 'Cookie')).toBe('sid=[redacted #1: 12 characters]; theme=[redacted #2: 4 characters]');
    expect(header(out.response.headers, 'Set-Cookie')).toBe('sid=[redacted #3: 10 characters]; Path=/; Max-Age=3600; HttpOnly');
  });

  test('tokens in the query, the fragment, a Location and the userinfo; other parameters stay', () => {
    const out = redactExchange(
      exchange(
        { url: 'https://bob:hunter22@api.example/cb?state=xyz&code=AUTHCODE123#access_token=FRAGTOKEN99&token_type=Bearer' },
        {
          status: 302,
          headers: [['Location', 'https://app.example/done?id_token=IDTOKEN7777&x=1']],
          redirectUrl: 'https://app.example/done?id_token=IDTOKEN7777&x=1',
        },
      ),
      new SecretVault(),
    );
    const text = JSON.stringify(out);
    for (const secret of ['hunter22', 'AUTHCODE123', 'FRAGTOKEN99', 'IDTOKEN7777']) expect(text).not.toContain(secret);
    expect(out.request.url).toMatch(/^https:\/\/bob:\[redacted #\d+: 8 characters\]@api\.example\/cb\?state=xyz&code=\[redacted/);
    expect(out.request.url).toContain('token_type=Bearer');
    expect(out.response.redirectUrl).toMatch(/x=1$/);
  });

  test('JSON and form bodies: secret fields by name, any JWT anywhere; the rest as it was', () => {
    const out = redactExchange(
      exchange(
        {
          method: 'POST',
          body: { kind: 'text', mimeType: 'application/x-www-form-urlencoded', text: 'grant_type=password&username=alice&password=wonderland' },
        },
        {
          body: {
            kind: 'text',
            mimeType: 'application/json',
            text: JSON.stringify({ access_token: JWT, token_type: 'Bearer', refresh_token: 'r3fr3sh-t0ken', expires_in: 300 }),
          },
        },
      ),
      new SecretVault(),
    );
    expect(out.request.body).toMatchObject({ text: expect.stringMatching(/^grant_type=password&username=alice&password=\[redacted #1: 10 characters\]$/) });
    const body = out.response.body?.kind === 'text' ? JSON.parse(out.response.body.text) : undefined;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      access_token: expect.stringMatching(/^\[redacted/),
      refresh_token: expect.stringMatching(/^\[redacted/),
    });
    expect(JSON.stringify(out)).not.toMatch(/wonderland|r3fr3sh-t0ken|c2lnbmF0/);
  });

  test('a password sent in Basic and echoed in a body is swept from the body too', () => {
    const out = redactExchange(
      exchange({ headers: [['Authorization', BASIC]] }, { body: { kind: 'text', mimeType: 'text/plain', text: 'you sent wonderland' } }),
      new SecretVault(),
    );
    expect(out.response.body).toEqual({ kind: 'text', mimeType: 'text/plain', text: 'you sent [redacted #1: the same value, seen elsewhere]' });
  });

  test('equal secrets share an id across a recording; the vault never serialises its values', () => {
    const read = parseCurlVerbose(
      `> GET /a HTTP/1.1\n> Host: h\n> Authorization: ${BASIC}\n>\n< HTTP/1.1 401 x\n<\n> GET /a HTTP/1.1\n> Host: h\n> Authorization: ${BASIC}\n>\n< HTTP/1.1 401 x\n<\n`,
    );
    if (read.kind !== 'recording') throw new Error(read.message);
    const { exchanges, vault } = redactRecording(read);
    expect(exchanges.map((e) => e.redactions[0]?.id)).toEqual(['1', '1']);
    expect(JSON.stringify({ vault })).not.toContain('YWxpY2U6');
  });

  test('a secret found in a later exchange is swept from an earlier one', () => {
    const read = parseCurlVerbose(
      `> GET /page HTTP/1.1\n> Host: h\n>\n< HTTP/1.1 200 OK\n< X-Debug: last token was t0ken-from-later-exchange\n<\n> GET /api HTTP/1.1\n> Host: h\n> Authorization: Bearer t0ken-from-later-exchange\n>\n< HTTP/1.1 401 x\n<\n`,
    );
    if (read.kind !== 'recording') throw new Error(read.message);
    expect(JSON.stringify(redactRecording(read).exchanges)).not.toContain('t0ken-from-later-exchange');
  });
});

describe('redaction of a large recording', () => {
  test('ten times the exchanges take about ten times as long, with progress to the end', () => {
    const recordingOf = (count: number) => ({
      kind: 'recording' as const,
      source: { format: 'har' as const },
      warnings: [],
      exchanges: Array.from({ length: count }, (_, i) =>
        exchange(
          {
            url: `https://a.example/r/${i}?access_token=t0ken${i % 40}xyz`,
            headers: [
              ['Cookie', `sid=sess10n${i % 30}abc`],
              ['Authorization', BASIC],
              ['Accept', '*/*'],
            ],
          },
          { body: { kind: 'text', mimeType: 'application/json', text: JSON.stringify({ items: [1, 2, 3], note: 'plain words here' }) } },
        ),
      ),
    });
    const time = (count: number) => {
      const start = performance.now();
      const calls: number[] = [];
      const { exchanges } = redactRecording(recordingOf(count), new SecretVault(), (done) => calls.push(done));
      expect(exchanges).toHaveLength(count);
      expect(calls.at(-1)).toBe(count);
      return performance.now() - start;
    };
    const small = time(1_000);
    const large = time(10_000);
    expect(large / Math.max(small, 1)).toBeLessThan(35);
  });
});

describe('redaction of the recorded fixtures', () => {
  test.each(['chromium-lab.har', 'chromium-proxy.har', 'firefox-bidi.har', 'firefox-handwritten.har'])(
    '%s: no password, Basic field, token or signature is left',
    (name) => {
      const read = parseHar(fixture(name));
      if (read.kind !== 'recording') throw new Error(read.message);
      const { exchanges, vault } = redactRecording(read);
      const text = JSON.stringify(exchanges);
      for (const secret of ['wonderland', btoa('alice:wonderland'), SIGNATURE, JWT]) expect(text).not.toContain(secret);
      expect(text.includes('[redacted #')).toBe(vault.size > 0);
    },
  );

  test('curl --digest: the Digest response is hidden, the nonce kept', () => {
    const read = parseCurlVerbose(fixture('curl-digest.txt'));
    if (read.kind !== 'recording') throw new Error(read.message);
    const raw = header(read.exchanges[1]?.request.headers ?? [], 'Authorization') ?? '';
    const response = /response="([0-9a-f]+)"/.exec(raw)?.[1] ?? 'missing';
    const nonce = /nonce="([^"]+)"/.exec(raw)?.[1] ?? 'missing';
    const { exchanges } = redactRecording(read);
    const text = JSON.stringify(exchanges);
    expect(text).not.toContain(response);
    expect(text).toContain(nonce);
  });
});

describe('redaction never leaves a credential value anywhere (property)', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{12,32}$/);
  const b64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

  test('whatever the secrets and wherever they are sent and echoed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(secret, { minLength: 10, maxLength: 10 }), fc.boolean(), (secrets, lowerCase) => {
        const [password, token, cookie, setCookie, code, apiKey, formPassword, jsonToken, urlPassword, signature] = secrets as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        // The claims are shown on purpose (they are the token's shape): only the signature makes it a credential.
        const jwt = `${b64url('{"alg":"ES256"}')}.${b64url('{"sub":"u"}')}.${signature}`;
        const name = (n: string) => (lowerCase ? n.toLowerCase() : n);
        const recorded = exchange(
          {
            url: `https://u:${urlPassword}@api.example/r?code=${code}&q=1`,
            headers: [
              [name('Authorization'), `Basic ${btoa(`alice:${password}`)}`],
              [name('Proxy-Authorization'), `Bearer ${jwt}`],
              [name('Cookie'), `sid=${cookie}`],
              [name('X-API-Key'), apiKey],
              [name('Referer'), `https://app.example/?access_token=${token}`],
            ],
            body: { kind: 'text', mimeType: 'application/x-www-form-urlencoded', text: `user=alice&password=${formPassword}` },
          },
          {
            status: 401,
            headers: [
              [name('Set-Cookie'), `sid=${setCookie}; Path=/`],
              ['X-Echo', `${password} ${apiKey} ${cookie} ${formPassword} ${signature} ${jwt}`],
            ],
            body: { kind: 'text', mimeType: 'application/json', text: JSON.stringify({ token: jsonToken, echo: `${code} ${urlPassword} ${setCookie}` }) },
          },
        );
        const vault = new SecretVault();
        const out = JSON.stringify(redactExchange(recorded, vault));
        for (const value of [...secrets, jwt]) expect(out).not.toContain(value);
        // Every value can still be revealed on purpose.
        const revealed = Array.from({ length: vault.size }, (_, i) => vault.reveal(String(i + 1)));
        expect(revealed).toEqual(expect.arrayContaining([`Bearer ${jwt}`, cookie, setCookie, code, apiKey, formPassword, jsonToken, urlPassword]));
      }),
      { numRuns: 200 },
    );
  });
});
