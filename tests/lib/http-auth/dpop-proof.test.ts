import { CompactSign, type CryptoKey, type JWK, SignJWT, base64url, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { type DpopProofCheckOptions, accessTokenHash, checkDpopProof, createDpopProof, jwkThumbprint, readDpopHeader } from '@/lib/http-auth';
import { ACCESS_TOKEN, EXAMPLE_ATH, EXAMPLE_JKT, EXAMPLE_JWK, FIGURE_13_PROOF, FIGURE_2_PROOF } from './support/rfc9449-examples';

describe('RFC 9449’s own examples', () => {
  test('the §4.1 proof checks for its token request at the time it was made', async () => {
    const result = await checkDpopProof(FIGURE_2_PROOF, {
      method: 'POST',
      url: 'https://server.example.com/token',
      now: 1562262616_000,
      allowedAlgs: ['ES256'],
    });
    expect(result).toMatchObject({ kind: 'valid', alg: 'ES256', jti: '-BwC3ESc6acc2lTc', iat: 1562262616, jkt: EXAMPLE_JKT, jwk: EXAMPLE_JWK });
  });

  test('the §7.1 proof checks with its access token and the key the token is bound to (§6.1 cnf.jkt)', async () => {
    const result = await checkDpopProof(FIGURE_13_PROOF, {
      method: 'GET',
      url: 'https://resource.example.org/protectedresource',
      now: 1562262618_000,
      allowedAlgs: ['ES256', 'PS256'],
      accessToken: ACCESS_TOKEN,
      expectedJkt: EXAMPLE_JKT,
    });
    expect(result).toMatchObject({ kind: 'valid', jti: 'e1j3V_bKic8-LAEB', htm: 'GET' });
  });

  test('ath (§4.2) and the JWK thumbprint (RFC 7638, §6.1) reproduce the RFC’s values', async () => {
    expect(accessTokenHash(ACCESS_TOKEN)).toBe(EXAMPLE_ATH);
    expect(await jwkThumbprint(EXAMPLE_JWK)).toBe(EXAMPLE_JKT);
  });

  test('htu matches the request URI however it is spelled, and without its query (§4.3 step 9)', async () => {
    const o = { method: 'POST', now: 1562262616_000, allowedAlgs: ['ES256'] };
    expect(await checkDpopProof(FIGURE_2_PROOF, { ...o, url: 'HTTPS://Server.Example.COM:443/%74oken?grant=1#x' })).toMatchObject({ kind: 'valid' });
    expect(await checkDpopProof(FIGURE_2_PROOF, { ...o, url: 'https://server.example.com/token/' })).toMatchObject({ kind: 'htu-mismatch' });
  });
});

type Keys = { privateKey: CryptoKey; publicJwk: JWK };

async function keys(alg: 'ES256' | 'EdDSA'): Promise<Keys> {
  const pair = await generateKeyPair(alg, { extractable: true });
  return { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
}

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const IAT = NOW / 1000;
const URL_ = 'https://lab.example/api/sandbox/dpop/resource';
const base: DpopProofCheckOptions = { method: 'GET', url: URL_, now: NOW, allowedAlgs: ['ES256', 'EdDSA'] };

describe('createDpopProof (§4.2)', () => {
  test.each(['ES256', 'EdDSA'] as const)('%s: the header and claims §4.2 requires, and a proof that checks', async (alg) => {
    const k = await keys(alg);
    const proof = await createDpopProof({ ...k, alg, htm: 'GET', htu: `${URL_}?page=2#top`, iat: IAT, nonce: 'n-1', accessToken: ACCESS_TOKEN });
    const header = decodeProtectedHeader(proof);
    expect(header).toEqual({ typ: 'dpop+jwt', alg, jwk: k.publicJwk });
    expect(header.jwk).not.toHaveProperty('d');
    const claims = decodeJwt(proof);
    expect(claims).toEqual({ jti: expect.any(String), htm: 'GET', htu: URL_, iat: IAT, nonce: 'n-1', ath: EXAMPLE_ATH });
    // 128 random bits: more than the 96 §4.2 asks for.
    expect(base64url.decode(claims.jti as string).length).toBe(16);
    const result = await checkDpopProof(proof, { ...base, expectedNonce: 'n-1', accessToken: ACCESS_TOKEN, expectedJkt: await jwkThumbprint(k.publicJwk) });
    expect(result).toMatchObject({ kind: 'valid', alg, jti: claims.jti, iat: IAT, nonce: 'n-1' });
  });

  test('a new jti for every proof (§4.2, §11.1)', async () => {
    const k = await keys('ES256');
    const make = () => createDpopProof({ ...k, alg: 'ES256', htm: 'GET', htu: URL_ });
    const [a, b] = await Promise.all([make(), make()]);
    expect(decodeJwt(a).jti).not.toBe(decodeJwt(b).jti);
  });

  test.each([
    ['alg none', { alg: 'none' }],
    ['a MAC', { alg: 'HS256' }],
    ['a private key in the header', { publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret' } }],
    ['a nonce with a space', { nonce: 'a b' }],
  ])('refuses %s', async (_what, change) => {
    const k = await keys('ES256');
    await expect(createDpopProof({ ...k, alg: 'ES256', htm: 'GET', htu: URL_, ...change })).rejects.toThrow(TypeError);
  });
});

/** Signs any header and claims with `key`, so each test can break one thing of an otherwise good proof. */
async function sign(key: CryptoKey | Uint8Array, header: Record<string, unknown>, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

describe('checkDpopProof: every refusal of §4.3, one broken thing at a time', () => {
  let es: Keys;
  let ed: Keys;
  let other: Keys;
  let header: Record<string, unknown>;
  const claims = { jti: 'jti-1', htm: 'GET', htu: URL_, iat: IAT };

  beforeAll(async () => {
    [es, ed, other] = await Promise.all([keys('ES256'), keys('EdDSA'), keys('ES256')]);
    header = { typ: 'dpop+jwt', alg: 'ES256', jwk: es.publicJwk };
  });

  test('the unbroken proof is valid, and says which jti to remember (replay is the caller’s check, §11.1)', async () => {
    const result = await checkDpopProof(await sign(es.privateKey, header, claims), base);
    expect(result).toEqual({
      kind: 'valid',
      jwk: es.publicJwk,
      jkt: await jwkThumbprint(es.publicJwk),
      alg: 'ES256',
      jti: 'jti-1',
      iat: IAT,
      htm: 'GET',
      htu: URL_,
    });
  });

  type Case = [string, () => Promise<string>, Partial<DpopProofCheckOptions>, Record<string, unknown>, RegExp];
  const cases: Case[] = [
    ['not a JWT', async () => 'not-a-jwt', {}, { kind: 'malformed' }, /step 2/],
    ['two JWTs', async () => `${await sign(es.privateKey, header, claims)},${await sign(es.privateKey, header, claims)}`, {}, { kind: 'malformed' }, /step 2/],
    ['a header that is not JSON', async () => `${base64url.encode('{typ')}.${encode(claims)}.c2ln`, {}, { kind: 'malformed' }, /step 2/],
    [
      'a payload that is not a JSON object',
      async () => new CompactSign(new TextEncoder().encode('[1]')).setProtectedHeader(header as { alg: string }).sign(es.privateKey),
      {},
      { kind: 'malformed' },
      /step 2/,
    ],
    ['typ JWT', async () => sign(es.privateKey, { ...header, typ: 'JWT' }, claims), {}, { kind: 'wrong-typ', typ: 'JWT' }, /step 4/],
    ['no typ', async () => sign(es.privateKey, { alg: 'ES256', jwk: es.publicJwk }, claims), {}, { kind: 'wrong-typ' }, /step 4/],
    [
      'alg none',
      async () => `${encode({ ...header, alg: 'none' })}.${encode(claims)}.`,
      {},
      { kind: 'alg-not-allowed', alg: 'none', problem: 'none' },
      /step 5/,
    ],
    [
      'a MAC (HS256)',
      async () => sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'), { ...header, alg: 'HS256' }, claims),
      {},
      { kind: 'alg-not-allowed', alg: 'HS256', problem: 'mac' },
      /step 5/,
    ],
    [
      'an unknown alg',
      async () => `${encode({ ...header, alg: 'ES256K' })}.${encode(claims)}.c2ln`,
      {},
      { kind: 'alg-not-allowed', problem: 'unsupported' },
      /step 5/,
    ],
    [
      'an alg the server does not accept',
      async () => sign(ed.privateKey, { ...header, alg: 'EdDSA', jwk: ed.publicJwk }, claims),
      { allowedAlgs: ['ES256'] },
      { kind: 'alg-not-allowed', alg: 'EdDSA', problem: 'policy' },
      /step 5/,
    ],
    ['no jwk', async () => sign(es.privateKey, { typ: 'dpop+jwt', alg: 'ES256' }, claims), {}, { kind: 'jwk-missing' }, /step 6/],
    ['a jwk of another key type than alg', async () => sign(es.privateKey, { ...header, jwk: ed.publicJwk }, claims), {}, { kind: 'jwk-invalid' }, /step 6/],
    [
      'the private key in the header',
      async () => sign(es.privateKey, { ...header, jwk: await exportJWK(es.privateKey) }, claims),
      {},
      { kind: 'jwk-private', members: ['d'] },
      /step 7/,
    ],
    ['a signature by another key', async () => sign(other.privateKey, header, claims), {}, { kind: 'bad-signature' }, /step 6/],
    [
      'a changed claim after signing',
      async () => sign(es.privateKey, header, claims).then((p) => p.replace(/\.[^.]+\./, `.${encode({ ...claims, htm: 'POST' })}.`)),
      { method: 'POST' },
      { kind: 'bad-signature' },
      /step 6/,
    ],
    ['no jti', async () => sign(es.privateKey, header, { ...claims, jti: undefined }), {}, { kind: 'missing-claim', claim: 'jti' }, /step 3/],
    ['no htm', async () => sign(es.privateKey, header, { ...claims, htm: undefined }), {}, { kind: 'missing-claim', claim: 'htm' }, /step 3/],
    ['no htu', async () => sign(es.privateKey, header, { ...claims, htu: undefined }), {}, { kind: 'missing-claim', claim: 'htu' }, /step 3/],
    ['iat as a string', async () => sign(es.privateKey, header, { ...claims, iat: String(IAT) }), {}, { kind: 'missing-claim', claim: 'iat' }, /step 3/],
    [
      'no ath with an access token',
      async () => sign(es.privateKey, header, claims),
      { accessToken: ACCESS_TOKEN },
      { kind: 'missing-claim', claim: 'ath' },
      /step 12/,
    ],
    ['another method', async () => sign(es.privateKey, header, claims), { method: 'POST' }, { kind: 'htm-mismatch', htm: 'GET', method: 'POST' }, /step 8/],
    ['the method in lower case', async () => sign(es.privateKey, header, { ...claims, htm: 'get' }), {}, { kind: 'htm-mismatch' }, /step 8/],
    [
      'another URL',
      async () => sign(es.privateKey, header, { ...claims, htu: 'https://lab.example/api/sandbox/dpop/other' }),
      {},
      { kind: 'htu-mismatch' },
      /step 9/,
    ],
    ['another origin', async () => sign(es.privateKey, header, { ...claims, htu: URL_.replace('https:', 'http:') }), {}, { kind: 'htu-mismatch' }, /step 9/],
    [
      'a proof made too long ago',
      async () => sign(es.privateKey, header, { ...claims, iat: IAT - 301 }),
      {},
      { kind: 'iat-too-old', ageSeconds: 301 },
      /step 11/,
    ],
    [
      'a shorter window',
      async () => sign(es.privateKey, header, { ...claims, iat: IAT - 31 }),
      { maxAgeSeconds: 30 },
      { kind: 'iat-too-old', ageSeconds: 31 },
      /step 11/,
    ],
    [
      'a proof from the future',
      async () => sign(es.privateKey, header, { ...claims, iat: IAT + 61 }),
      {},
      { kind: 'iat-in-future', aheadSeconds: 61 },
      /step 11/,
    ],
    ['no nonce when one was supplied', async () => sign(es.privateKey, header, claims), { expectedNonce: 'n-2' }, { kind: 'nonce-missing' }, /step 10/],
    [
      'an old nonce',
      async () => sign(es.privateKey, header, { ...claims, nonce: 'n-1' }),
      { expectedNonce: 'n-2' },
      { kind: 'nonce-mismatch', nonce: 'n-1' },
      /step 10/,
    ],
    [
      'a nonce the server’s test refuses',
      async () => sign(es.privateKey, header, { ...claims, nonce: 'n-1' }),
      { expectedNonce: (n) => n === 'n-2' },
      { kind: 'nonce-mismatch' },
      /step 10/,
    ],
    [
      'a proof for another access token',
      async () => sign(es.privateKey, header, { ...claims, ath: accessTokenHash('another') }),
      { accessToken: ACCESS_TOKEN },
      { kind: 'ath-mismatch' },
      /step 12/,
    ],
    [
      'a key the token is not bound to',
      async () => sign(es.privateKey, header, claims),
      { expectedJkt: EXAMPLE_JKT },
      { kind: 'jkt-mismatch', expected: EXAMPLE_JKT },
      /step 12/,
    ],
  ];

  test.each(cases)('%s', async (_what, make, options, expected, step) => {
    const result = await checkDpopProof(await make(), { ...base, ...options });
    expect(result).toMatchObject(expected);
    expect(result.kind !== 'valid' && result.message).toMatch(/\(RFC 9449 [^)]*§4\.3 step \d+/);
    expect(result.kind !== 'valid' && result.message).toMatch(step);
  });

  test('accepts a nonce the server’s own test accepts, e.g. one of a window of recent nonces (§8)', async () => {
    const proof = await sign(es.privateKey, header, { ...claims, nonce: 'n-1' });
    expect(await checkDpopProof(proof, { ...base, expectedNonce: (n) => ['n-1', 'n-2'].includes(n) })).toMatchObject({ kind: 'valid', nonce: 'n-1' });
  });

  test('typ is a media type: application/dpop+jwt and any case are the same (RFC 7515 §4.1.9)', async () => {
    for (const typ of ['application/dpop+jwt', 'DPoP+JWT']) {
      expect(await checkDpopProof(await sign(es.privateKey, { ...header, typ }, claims), base)).toMatchObject({ kind: 'valid' });
    }
  });

  test('with no access token to check it against (a token request, §5), ath is not looked at', async () => {
    const proof = await sign(es.privateKey, header, { ...claims, ath: 'anything' });
    expect(await checkDpopProof(proof, base)).toMatchObject({ kind: 'valid' });
  });
});

describe('readDpopHeader (§4.3 steps 1 and 2)', () => {
  test.each([
    [[['Accept', '*/*']], { kind: 'none' }],
    [[['DPoP', 'a.b.c']], { kind: 'one', proof: 'a.b.c' }],
    [[['dpop', ' a.b.c ']], { kind: 'one', proof: 'a.b.c' }],
    [
      [
        ['DPoP', 'a.b.c'],
        ['dpop', 'd.e.f'],
      ],
      { kind: 'several', count: 2 },
    ],
    [[['DPoP', 'a.b.c, d.e.f']], { kind: 'several', count: 2 }],
  ] as const)('%j -> %j', (headers, expected) => {
    expect(readDpopHeader(headers)).toEqual(expected);
  });
});
