import fc from 'fast-check';
import {
  type Credentials,
  type DigestNonceState,
  answerDigestChallenge,
  checkDigestAuthenticationInfo,
  checkDigestNonce,
  createDigestNonce,
  decodeExtValue,
  digestAuthenticationInfo,
  digestChallenge,
  digestHA2,
  digestHex,
  digestPasswordHash,
  encodeExtValue,
  formatAuthInfo,
  parseAuthInfo,
  parseCredentials,
  verifyDigestCredentials,
} from '@/lib/http-auth';

const RFC_MD5_AUTHORIZATION =
  'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

function credentials(header: string): Credentials {
  const parsed = parseCredentials(header);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function verify(header: string, overrides: { nonce?: DigestNonceState; uri?: string; password?: string; counts?: Map<string, number> } = {}) {
  return verifyDigestCredentials({
    credentials: credentials(header),
    request: { method: 'GET', uri: overrides.uri ?? '/dir/index.html' },
    server: { realm: 'http-auth@example.org', algorithms: ['MD5', 'SHA-256'], qop: ['auth', 'auth-int'] },
    checkNonce: () => overrides.nonce ?? { kind: 'fresh', issuedAt: 0 },
    lookupPassword: (u) => (u === 'Mufasa' ? (overrides.password ?? 'Circle of Life') : undefined),
    nonceCounts: overrides.counts,
  });
}

describe('Digest server: uri through a proxy (RFC 7616 §3.4.6)', () => {
  const absolute = 'http://lab.example/api/x?y=1';
  const answer = answerDigestChallenge({
    challenge: digestChallenge({ realm: 'lab', nonce: 'abc', qop: ['auth'], algorithm: 'SHA-256' }),
    username: 'alice',
    password: 'wonderland',
    method: 'GET',
    uri: absolute,
  });
  if (!answer.ok) throw new Error(answer.error.message);
  const verifyWith = (sentUri?: string) =>
    verifyDigestCredentials({
      credentials: answer.value.credentials,
      request: { method: 'GET', uri: '/api/x?y=1', ...(sentUri === undefined ? {} : { sentUri }) },
      server: { realm: 'lab', algorithms: ['SHA-256'], qop: ['auth'] },
      checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
      lookupPassword: (user) => (user === 'alice' ? 'wonderland' : undefined),
    });

  it('accepts the absolute-form the client wrote on its request line', () => {
    expect(verifyWith(absolute)).toMatchObject({ kind: 'accepted', username: 'alice' });
  });

  it.each([
    ['no absolute-form was sent', undefined],
    ['another absolute URI was sent', 'http://other.example/api/x?y=1'],
  ])('refuses it with 400 when %s', (_, sentUri) => {
    expect(verifyWith(sentUri)).toMatchObject({ kind: 'rejected', reason: 'uri-mismatch', status: 400 });
  });
});

describe('Digest server: verifying the RFC 7616 §3.9.1 Authorization', () => {
  it('accepts it', () => {
    expect(verify(RFC_MD5_AUTHORIZATION)).toMatchObject({ kind: 'accepted', username: 'Mufasa', exchange: { qop: 'auth', nc: '00000001' } });
  });

  it.each([
    [{ password: 'Circle Of Life' }, 'wrong-response', 401, false],
    [{ uri: '/dir/other.html' }, 'uri-mismatch', 400, false],
    [{ nonce: { kind: 'invalid' } as const }, 'invalid-nonce', 401, false],
    [{ nonce: { kind: 'stale', issuedAt: 0 } as const }, 'stale-nonce', 401, true],
  ])('%j -> %s', (overrides, reason, status, stale) => {
    expect(verify(RFC_MD5_AUTHORIZATION, overrides)).toMatchObject({ kind: 'rejected', reason, status, stale });
  });

  it('sets stale only when the response was right (RFC 7616 §3.3)', () => {
    const verdict = verify(RFC_MD5_AUTHORIZATION, { nonce: { kind: 'stale', issuedAt: 0 }, password: 'wrong' });
    expect(verdict).toMatchObject({ kind: 'rejected', reason: 'wrong-response', stale: false });
  });

  it('refuses a replayed nc and accepts an increasing one', () => {
    const counts = new Map<string, number>();
    expect(verify(RFC_MD5_AUTHORIZATION, { counts }).kind).toBe('accepted');
    expect(verify(RFC_MD5_AUTHORIZATION, { counts })).toMatchObject({ kind: 'rejected', reason: 'replayed-nc' });
    const challenge = digestChallenge({ realm: 'http-auth@example.org', nonce: 'n', algorithm: 'SHA-256' });
    const answer = (nc: number) => {
      const a = answerDigestChallenge({ challenge, username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', nc, cnonce: 'c' });
      if (!a.ok) throw new Error(a.error.message);
      return a.value.credentials;
    };
    const run = (c: Credentials) =>
      verifyDigestCredentials({
        credentials: c,
        request: { method: 'GET', uri: '/dir/index.html' },
        server: { realm: 'http-auth@example.org', algorithms: ['SHA-256'], qop: ['auth'] },
        checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
        lookupPassword: () => 'Circle of Life',
        nonceCounts: counts,
      }).kind;
    expect([run(answer(1)), run(answer(2)), run(answer(2)), run(answer(16))]).toEqual(['accepted', 'accepted', 'rejected', 'accepted']);
  });

  // Chromium, retrying through a proxy after the origin's 401, answers the proxy's nonce again with
  // nc=00000001 and a new cnonce: not a replay (the response covers the cnonce). The same three again is.
  it('keys replays on nonce and cnonce: nc=00000001 with a new cnonce is accepted, the same triple is not', () => {
    const counts = new Map<string, number>();
    const challenge = digestChallenge({ realm: 'http-auth@example.org', nonce: 'n', algorithm: 'SHA-256' });
    const answer = (nc: number, cnonce: string) => {
      const a = answerDigestChallenge({ challenge, username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', nc, cnonce });
      if (!a.ok) throw new Error(a.error.message);
      return verifyDigestCredentials({
        credentials: a.value.credentials,
        request: { method: 'GET', uri: '/dir/index.html' },
        server: { realm: 'http-auth@example.org', algorithms: ['SHA-256'], qop: ['auth'] },
        checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
        lookupPassword: () => 'Circle of Life',
        nonceCounts: counts,
      });
    };
    expect(answer(1, 'first').kind).toBe('accepted');
    expect(answer(1, 'second').kind).toBe('accepted');
    expect(answer(1, 'first')).toMatchObject({
      kind: 'rejected',
      reason: 'replayed-nc',
      status: 401,
      message: expect.stringContaining('nc=00000001 was already used with this nonce and cnonce'),
    });
    expect(answer(2, 'second').kind).toBe('accepted');
  });

  // wget and Perl's LWP send this old form when the challenge's qop is anything but exactly "auth".
  it('names the RFC 2069 form (no qop, nc or cnonce) when it sees one: 400', () => {
    const rfc2069 = RFC_MD5_AUTHORIZATION.replace(', nc=00000001', '')
      .replace(', qop=auth', '')
      .replace(/, cnonce="[^"]*"/, '');
    expect(rfc2069).not.toMatch(/qop|nc=|cnonce/);
    const verdict = verify(rfc2069);
    expect(verdict).toMatchObject({ kind: 'rejected', reason: 'malformed', status: 400 });
    expect(verdict.kind === 'rejected' && verdict.message).toMatch(/^No qop, nc or cnonce: this is the RFC 2069 form.*RFC 7616 §3\.4/);
  });

  it.each([
    [RFC_MD5_AUTHORIZATION.replace('realm="http-auth@example.org"', 'realm="other"'), 'wrong-realm', 401],
    [RFC_MD5_AUTHORIZATION.replace('algorithm=MD5', 'algorithm=SHA-512-256'), 'unsupported-algorithm', 401],
    [RFC_MD5_AUTHORIZATION.replace('algorithm=MD5', 'algorithm=MD4'), 'unsupported-algorithm', 401],
    [RFC_MD5_AUTHORIZATION.replace('qop=auth', 'qop=auth-conf'), 'unsupported-qop', 400],
    [RFC_MD5_AUTHORIZATION.replace(', nc=00000001', ''), 'malformed', 400],
    [RFC_MD5_AUTHORIZATION.replace('nc=00000001', 'nc=1'), 'malformed', 400],
    [RFC_MD5_AUTHORIZATION.replace('username="Mufasa"', 'username="Scar"'), 'unknown-user', 401],
    [RFC_MD5_AUTHORIZATION.replace('username="Mufasa"', 'username="Mufasa", username*=UTF-8\'\'Mufasa'), 'malformed', 400],
    [RFC_MD5_AUTHORIZATION.replace('username="Mufasa"', "username*=UTF-8''Mu%ZZ"), 'malformed', 400],
    ['Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'wrong-scheme', 401],
  ])('%#: %s', (header, reason, status) => {
    expect(verify(header)).toMatchObject({ kind: 'rejected', reason, status });
  });

  it('accepts username* (RFC 8187) as the user name', () => {
    expect(verify(RFC_MD5_AUTHORIZATION.replace('username="Mufasa"', "username*=UTF-8''Mufasa")).kind).toBe('accepted');
  });
});

describe('Digest server: a stored H(username:realm:password) instead of the password (RFC 7616 §5.2)', () => {
  const verifyStored = (stored: (username: string, realm: string, hash: string) => string | undefined) =>
    verifyDigestCredentials({
      credentials: credentials(RFC_MD5_AUTHORIZATION),
      request: { method: 'GET', uri: '/dir/index.html' },
      server: { realm: 'http-auth@example.org', algorithms: ['MD5'], qop: ['auth'] },
      checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
      lookupPassword: (u) => (u === 'Mufasa' ? 'Circle of Life' : undefined),
      lookupPasswordHash: stored,
    });

  it('asks for it with the user, realm and hash, and accepts the response it signs', () => {
    const asked: string[] = [];
    const verdict = verifyStored((username, realm, hash) => {
      asked.push(`${username} ${realm} ${hash}`);
      return digestPasswordHash('MD5', { username, realm, password: 'Circle of Life' });
    });
    expect(verdict.kind).toBe('accepted');
    expect(asked).toEqual(['Mufasa http-auth@example.org MD5']);
  });

  it('uses the stored value, not the password: a stored hash of another password refuses the right response', () => {
    const verdict = verifyStored((username, realm) => digestPasswordHash('MD5', { username, realm, password: 'wrong' }));
    expect(verdict).toMatchObject({ kind: 'rejected', reason: 'wrong-response' });
  });

  it('computes it from the password when nothing is stored', () => {
    expect(verifyStored(() => undefined).kind).toBe('accepted');
  });
});

describe('H(A2) for qop=auth, kept per hash, method and uri', () => {
  it('is H(method ":" uri) every time, also after more distinct resources than it keeps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('MD5', 'SHA-256', 'SHA-512-256' as const),
        fc.constantFrom('GET', 'POST', ''),
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 400 }),
        (hash, method, uris) => {
          for (const uri of [...uris, ...uris]) expect(digestHA2(hash, method, uri, 'auth')).toBe(digestHex(hash, `${method}:${uri}`));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('is never kept for auth-int, whose A2 covers the body', () => {
    expect(digestHA2('SHA-256', 'POST', '/x', 'auth-int', 'one')).not.toBe(digestHA2('SHA-256', 'POST', '/x', 'auth-int', 'two'));
    expect(digestHA2('SHA-256', 'POST', '/x', 'auth-int', 'two')).toBe(digestHex('SHA-256', `POST:/x:${digestHex('SHA-256', 'two')}`));
  });
});

describe('Digest nonces: stateless, signed, aging into stale', () => {
  const secret = 'sandbox secret';
  const random = new Uint8Array(12).fill(7);
  const nonce = createDigestNonce({ secret, now: 1_000_000, random });

  it.each([
    [1_000_000, { kind: 'fresh', issuedAt: 1_000_000 }],
    [1_030_000, { kind: 'fresh', issuedAt: 1_000_000 }],
    [1_060_001, { kind: 'stale', issuedAt: 1_000_000 }],
    [999_999, { kind: 'invalid' }],
  ])('checked at %i', (now, state) => {
    expect(checkDigestNonce(nonce, { secret, now, maxAgeMs: 60_000 })).toEqual(state);
  });

  it('refuses a nonce signed with another secret or altered', () => {
    expect(checkDigestNonce(nonce, { secret: 'other', now: 1_000_000, maxAgeMs: 60_000 }).kind).toBe('invalid');
    const altered = (nonce[0] === 'A' ? 'B' : 'A') + nonce.slice(1);
    expect(checkDigestNonce(altered, { secret, now: 1_000_000, maxAgeMs: 60_000 }).kind).toBe('invalid');
    expect(checkDigestNonce('not base64!', { secret, now: 1_000_000, maxAgeMs: 60_000 }).kind).toBe('invalid');
  });
});

describe('Authentication-Info (RFC 7616 §3.5)', () => {
  const challenge = digestChallenge({ realm: 'r', nonce: 'n', algorithm: 'SHA-256', qop: ['auth'] });
  const answer = answerDigestChallenge({ challenge, username: 'u', password: 'p', method: 'GET', uri: '/a', cnonce: 'c' });
  if (!answer.ok) throw new Error('no answer');
  const { exchange } = answer.value;

  it('is built by the server with the quoting RFC 7616 §3.5 asks for, and checked by the client', () => {
    const info = digestAuthenticationInfo(exchange, { nextnonce: 'next' });
    const header = formatAuthInfo(info, 'Digest');
    expect(header).toMatch(/^qop=auth, rspauth="[0-9a-f]{64}", cnonce="c", nc=00000001, nextnonce="next"$/);
    const parsed = parseAuthInfo(header, { scheme: 'Digest' });
    expect(parsed.ok && parsed.warnings).toEqual([]);
    expect(parsed.ok && checkDigestAuthenticationInfo(exchange, parsed.value)).toBe(true);
  });

  it('a wrong rspauth or echoed nc fails the check', () => {
    const info = digestAuthenticationInfo(exchange);
    expect(checkDigestAuthenticationInfo(exchange, { ...info, rspauth: '0'.repeat(64) })).toBe(false);
    expect(checkDigestAuthenticationInfo(exchange, { ...info, nc: '00000002' })).toBe(false);
    expect(checkDigestAuthenticationInfo(exchange, {})).toBe(false);
  });
});

describe('RFC 8187 ext-value', () => {
  it.each([
    ['J\u00e4s\u00f8n Doe', "UTF-8''J%C3%A4s%C3%B8n%20Doe"],
    ['plain', "UTF-8''plain"],
  ])('%j <-> %j', (text, encoded) => {
    expect(encodeExtValue(text)).toBe(encoded);
    expect(decodeExtValue(encoded)).toEqual({ kind: 'text', text });
  });

  it.each(["UTF-8''%C3", "KOI8-R''x", 'no quotes', "UTF-8''a b"])('refuses %j', (value) => {
    expect(decodeExtValue(value).kind).toBe('invalid');
  });

  it('reads ISO-8859-1 and a language tag', () => {
    expect(decodeExtValue("iso-8859-1'de'%E4")).toEqual({ kind: 'text', text: '\u00e4' });
  });
});
