import { createHash } from 'node:crypto';
import {
  DIGEST_ALGORITHMS,
  type Challenge,
  answerDigestChallenge,
  digestChallenge,
  digestUserhash,
  formatChallenge,
  formatCredentials,
  parseChallenges,
  parseCredentials,
  verifyDigestCredentials,
} from '@/lib/http-auth';

const RFC_3_9_1 = {
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

function challengeFrom(header: string): Challenge {
  const result = parseChallenges(header);
  if (!result.ok || !result.value[0]) throw new Error(`fixture header does not parse: ${header}`);
  return result.value[0];
}

describe('Digest client: RFC 7616 §3.9.1 reproduces exactly', () => {
  it.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ] as const)('%s', (algorithm, response) => {
    const challenge = challengeFrom(
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="${RFC_3_9_1.nonce}", opaque="${RFC_3_9_1.opaque}"`,
    );
    const answer = answerDigestChallenge({
      challenge,
      username: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      cnonce: RFC_3_9_1.cnonce,
    });
    expect(answer.ok && formatCredentials(answer.value.credentials)).toBe(
      `Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=${algorithm}, nonce="${RFC_3_9_1.nonce}", nc=00000001, cnonce="${RFC_3_9_1.cnonce}", qop=auth, response="${response}", opaque="${RFC_3_9_1.opaque}"`,
    );
  });

  it('the server builds the §3.9.1 challenge byte for byte', () => {
    const header = formatChallenge(
      digestChallenge({ realm: 'http-auth@example.org', qop: ['auth', 'auth-int'], algorithm: 'SHA-256', nonce: RFC_3_9_1.nonce, opaque: RFC_3_9_1.opaque }),
    );
    expect(header).toBe(
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="${RFC_3_9_1.nonce}", opaque="${RFC_3_9_1.opaque}"`,
    );
  });
});

describe('Digest: RFC 7616 §3.9.2 (SHA-512-256, charset, userhash)', () => {
  const user = 'J\u00e4s\u00f8n Doe';
  const realm = 'api@example.org';
  const nonce = '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK';
  const opaque = 'HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS';
  const cnonce = 'NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v';
  const printed = {
    userhash: '488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec',
    response: 'ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd',
  };
  // The RFC's printed hashes come from SHA-512 cut to 256 bits, not from SHA-512/256 (FIPS 180-4,
  // which RFC 7616 §1 and the IANA registry name). This helper shows that; the library keeps to FIPS.
  const truncatedSha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex').slice(0, 64);
  const fips = (s: string) => createHash('sha512-256').update(s, 'utf8').digest('hex');

  it('the printed userhash and response are exactly reproduced by truncated SHA-512', () => {
    expect(truncatedSha512(`${user}:${realm}`)).toBe(printed.userhash);
    const ha1 = truncatedSha512(`${user}:${realm}:Secret, or not?`);
    const ha2 = truncatedSha512('GET:/doe.json');
    expect(truncatedSha512(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`)).toBe(printed.response);
  });

  it('the server builds the §3.9.2 challenge byte for byte', () => {
    const header = formatChallenge(digestChallenge({ realm, qop: ['auth'], algorithm: 'SHA-512-256', nonce, opaque, charset: 'UTF-8', userhash: true }));
    expect(header).toBe(`Digest realm="${realm}", qop="auth", algorithm=SHA-512-256, nonce="${nonce}", opaque="${opaque}", charset=UTF-8, userhash=true`);
  });

  it('the client answers with every §3.9.2 field, hashes computed with SHA-512/256', () => {
    const challenge = challengeFrom(
      `Digest realm="${realm}", qop="auth", algorithm=SHA-512-256, nonce="${nonce}", opaque="${opaque}", charset=UTF-8, userhash=true`,
    );
    const answer = answerDigestChallenge({ challenge, username: user, password: 'Secret, or not?', method: 'GET', uri: '/doe.json', cnonce });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const userhash = fips(`${user}:${realm}`);
    const ha1 = fips(`${user}:${realm}:Secret, or not?`);
    const response = fips(`${ha1}:${nonce}:00000001:${cnonce}:auth:${fips('GET:/doe.json')}`);
    expect(digestUserhash('SHA-512-256', user, realm)).toBe(userhash);
    expect(formatCredentials(answer.value.credentials)).toBe(
      `Digest username="${userhash}", realm="${realm}", uri="/doe.json", algorithm=SHA-512-256, nonce="${nonce}", nc=00000001, cnonce="${cnonce}", qop=auth, response="${response}", opaque="${opaque}", userhash=true`,
    );
  });

  it('the server resolves the userhash and accepts', () => {
    const challenge = challengeFrom(formatChallenge(digestChallenge({ realm, algorithm: 'SHA-512-256', nonce, userhash: true })));
    const answer = answerDigestChallenge({ challenge, username: user, password: 'Secret, or not?', method: 'GET', uri: '/doe.json', cnonce });
    if (!answer.ok) throw new Error('no answer');
    const verdict = verifyDigestCredentials({
      credentials: answer.value.credentials,
      request: { method: 'GET', uri: '/doe.json' },
      server: { realm, algorithms: ['SHA-512-256'], qop: ['auth'] },
      checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
      lookupPassword: (name) => (name === user ? 'Secret, or not?' : undefined),
      usernames: ['Mufasa', user],
    });
    expect(verdict).toMatchObject({ kind: 'accepted', username: user });
  });

  it('§3.4.4: without userhash a non-ASCII user name travels as username*', () => {
    const challenge = challengeFrom(`Digest realm="${realm}", qop="auth", algorithm=SHA-256, nonce="${nonce}"`);
    const answer = answerDigestChallenge({ challenge, username: user, password: 'p', method: 'GET', uri: '/', cnonce });
    expect(answer.ok && answer.value.credentials.params['username*']).toBe("UTF-8''J%C3%A4s%C3%B8n%20Doe");
    expect(answer.ok && 'username' in answer.value.credentials.params).toBe(false);
  });
});

describe('Digest client: every algorithm and qop round-trips through the server', () => {
  const cases = DIGEST_ALGORITHMS.flatMap((algorithm) => (['auth', 'auth-int'] as const).map((qop) => [algorithm, qop] as const));
  it.each(cases)('%s with qop=%s', (algorithm, qop) => {
    const challenge = digestChallenge({ realm: 'r', nonce: 'n0nce', algorithm, qop: ['auth', 'auth-int'], opaque: 'op' });
    const answer = answerDigestChallenge({
      challenge,
      username: 'u',
      password: 'pw',
      method: 'POST',
      uri: '/x?y=1',
      body: '{"a":1}',
      preferQop: qop,
      random: () => new Uint8Array(24),
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const header = formatCredentials(answer.value.credentials);
    const parsed = parseCredentials(header);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.warnings).toEqual([]);
    const verify = (body: string) =>
      verifyDigestCredentials({
        credentials: parsed.value,
        request: { method: 'POST', uri: '/x?y=1', body },
        server: { realm: 'r', algorithms: [algorithm], qop: ['auth', 'auth-int'] },
        checkNonce: () => ({ kind: 'fresh', issuedAt: 0 }),
        lookupPassword: () => 'pw',
      });
    expect(verify('{"a":1}')).toMatchObject({ kind: 'accepted', exchange: { qop, algorithm: { name: algorithm } } });
    // auth-int covers the body (RFC 7616 §3.4.3); auth does not.
    expect(verify('{"a":2}').kind).toBe(qop === 'auth-int' ? 'rejected' : 'accepted');
  });
});

describe('Digest client: challenges it cannot or should not answer', () => {
  it.each([
    ['Digest realm="r", nonce="n", algorithm=SHA-512', 'digest-unknown-algorithm'],
    ['Digest realm="r", nonce="n", qop="auth-conf"', 'digest-no-usable-qop'],
    ['Digest realm="r"', 'digest-missing-param'],
    ['Basic realm="r"', 'digest-wrong-scheme'],
  ])('%j -> %s', (header, code) => {
    const answer = answerDigestChallenge({ challenge: challengeFrom(header), username: 'u', password: 'p', method: 'GET', uri: '/' });
    expect(answer).toMatchObject({ ok: false, error: { code } });
  });

  it('answers a legacy RFC 2069 challenge (no qop) and says so', () => {
    const answer = answerDigestChallenge({ challenge: challengeFrom('Digest realm="r", nonce="n"'), username: 'u', password: 'p', method: 'GET', uri: '/' });
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    expect(answer.ok && answer.warnings.map((w) => w.code)).toEqual(['digest-legacy-no-qop']);
    expect(answer.ok && answer.value.credentials.params).toEqual({
      username: 'u',
      realm: 'r',
      uri: '/',
      algorithm: 'MD5',
      nonce: 'n',
      response: md5(`${md5('u:r:p')}:n:${md5('GET:/')}`),
    });
  });

  it('uses a fresh random cnonce unless given one', () => {
    const challenge = challengeFrom('Digest realm="r", nonce="n", qop="auth"');
    const a = answerDigestChallenge({ challenge, username: 'u', password: 'p', method: 'GET', uri: '/' });
    const b = answerDigestChallenge({ challenge, username: 'u', password: 'p', method: 'GET', uri: '/' });
    expect(a.ok && b.ok && a.value.credentials.params.cnonce !== b.value.credentials.params.cnonce).toBe(true);
  });
});
