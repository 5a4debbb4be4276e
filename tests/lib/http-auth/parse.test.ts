import { getParam, parseAuthInfo, parseChallenges, parseCredentials } from '@/lib/http-auth';

describe('parseChallenges: refusals point at the offending character', () => {
  it.each([
    ['Basic realm="a", realm="b"', 'duplicate-param', 17],
    ['Basic realm="a', 'unterminated-quoted-string', 12],
    ['Basic realm="a\\', 'unterminated-escape', 14],
    ['Basic a=b, realm=', 'missing-value', 16],
    ['Basic realm=, a=b', 'missing-value', 12],
    ['Basic realm=a b', 'expected-comma', 14],
    ['Basic realm=a"b"', 'invalid-token-char', 13],
    ['Basic, realm="x"', 'params-without-space', 5],
    ['Negotiate abc, realm="x"', 'param-after-token68', 15],
    ['Basic;realm="x"', 'invalid-scheme-char', 5],
    ['"Basic"', 'expected-scheme', 0],
    ['Bearer a b', 'invalid-token68', 9],
    ['Bearer a€b', 'invalid-token68', 8],
    ['Basic realm="\u0000"', 'invalid-quoted-char', 13],
  ])('%j -> %s at %i', (input, code, index) => {
    const result = parseChallenges(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, index });
  });

  it('cites the RFC rule in its messages', () => {
    const result = parseChallenges('Basic realm="a", realm="b"');
    expect(!result.ok && result.error.message).toMatch(/RFC 9110 §11\.2/);
  });
});

describe('parseChallenges: several field lines', () => {
  it('keeps the order of challenges across lines', () => {
    const result = parseChallenges(['Newauth realm="n"', 'Basic realm="b", Bearer realm="c"']);
    expect(result.ok && result.value.map((c) => c.scheme)).toEqual(['Newauth', 'Basic', 'Bearer']);
  });

  it('says which line a diagnostic belongs to', () => {
    const result = parseChallenges(['Basic realm="b"', 'Bearer']);
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ code: 'bearer-no-params', line: 1, index: 0 })]);
  });

  it('a parameter list does not continue onto the next line', () => {
    const result = parseChallenges(['Basic', 'realm="b"']);
    expect(!result.ok && result.error).toMatchObject({ code: 'missing-scheme', line: 1 });
  });

  it('reads a Fetch-joined value (", ") like the separate lines', () => {
    const joined = parseChallenges('Newauth realm="n", Basic realm="b"');
    const lines = parseChallenges(['Newauth realm="n"', 'Basic realm="b"']);
    expect(joined.ok && joined.value).toEqual(lines.ok && lines.value);
  });
});

describe('parseChallenges: warnings about sender mistakes', () => {
  it.each([
    ['Basic realm=x', 'realm-not-quoted'],
    ['Basic', 'basic-no-realm'],
    ['Basic realm="x", charset="latin1"', 'basic-charset'],
    ['Basic realm="x", title="y"', 'basic-unknown-param'],
    ['Bearer', 'bearer-no-params'],
    ['Bearer realm="x", error="expired"', 'bearer-unknown-error'],
    ['Digest realm="x", nonce=n', 'digest-should-quote'],
    ['Digest realm="x", nonce="n", algorithm="MD5"', 'digest-should-not-quote'],
    ['Digest realm="x", nonce="n", algorithm=SHA-1', 'digest-unknown-algorithm'],
    ['Basic\r\n realm="x"', 'obs-fold'],
    ['Basic realm="€"', 'non-latin1'],
  ])('%j warns %s and still parses', (input, code) => {
    const result = parseChallenges(input);
    expect(result.ok && result.warnings.map((w) => w.code)).toContain(code);
  });

  it('has nothing to say about a well-formed RFC example', () => {
    expect(parseChallenges('Basic realm="WallyWorld"')).toEqual({
      ok: true,
      value: [{ scheme: 'Basic', params: { realm: 'WallyWorld' } }],
      warnings: [],
    });
  });

  it('a lower-case scheme is the same scheme (RFC 9110 §11.1) and gets the same checks', () => {
    const result = parseChallenges('bearer');
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['bearer-no-params']);
  });
});

describe('parseCredentials', () => {
  it.each([
    ['Basic a, Bearer b', 'multiple-credentials'],
    ['Basic,', 'multiple-credentials'],
    ['Digest username="a", Bearer b', 'multiple-credentials'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('%j is refused with %s', (input, code) => {
    const result = parseCredentials(input);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('accepts surrounding whitespace, which is not part of a field value (RFC 9110 §5.5)', () => {
    expect(parseCredentials('  Bearer abc  ')).toMatchObject({ ok: true, value: { scheme: 'Bearer', token68: 'abc' } });
  });
});

describe('parseAuthInfo', () => {
  it('lints Digest quoting only when told the scheme', () => {
    expect(parseAuthInfo('nc="00000001"')).toMatchObject({ ok: true, warnings: [] });
    const digest = parseAuthInfo('nc="00000001"', { scheme: 'Digest' });
    expect(digest.ok && digest.warnings.map((w) => w.code)).toEqual(['digest-should-not-quote']);
  });
});

describe('getParam', () => {
  it('looks names up case-insensitively and only among own properties', () => {
    const params = { realm: 'x' };
    expect(getParam(params, 'REALM')).toBe('x');
    expect(getParam(params, 'constructor')).toBeUndefined();
  });
});

describe('parseCredentials with lint: false', () => {
  // A Digest answer with algorithm quoted and nc quoted: lint advice a server that reads only the value skips.
  const line = 'Digest username="alice", realm="r", nonce="n", uri="/", algorithm="SHA-256", nc="00000001", cnonce="c", qop=auth, response="abc"';

  test('the same value, without the scheme advice', () => {
    const linted = parseCredentials(line);
    const bare = parseCredentials(line, { lint: false });
    if (!linted.ok || !bare.ok) throw new Error('expected both to parse');
    expect(linted.warnings.length).toBeGreaterThan(0);
    expect(bare.value).toEqual(linted.value);
    expect(bare.warnings).toEqual([]);
  });

  test('the same error for a malformed line', () => {
    expect(parseCredentials('Digest a="b" c', { lint: false })).toEqual(parseCredentials('Digest a="b" c'));
  });
});
