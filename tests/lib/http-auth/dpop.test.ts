import fc from 'fast-check';
import {
  DPOP_ALGORITHMS,
  DPOP_ERROR_CODES,
  type DpopRejection,
  dpopChallenge,
  dpopErrorStatus,
  dpopRejection,
  formatChallenge,
  formatChallenges,
  isDpopNonce,
  parseChallenges,
  parseCredentials,
  readDpopToken,
} from '@/lib/http-auth';

const codes = (header: string) => {
  const parsed = parseChallenges(header);
  return parsed.ok ? parsed.warnings.map((d) => d.code) : [`failed:${parsed.error.code}`];
};

describe('DPoP challenges (RFC 9449 §7.1)', () => {
  it('reproduces Figures 15 and 16', () => {
    expect(formatChallenge(dpopChallenge({ algs: ['ES256', 'PS256'] }))).toBe('DPoP algs="ES256 PS256"');
    const figure16 = dpopChallenge({ error: 'invalid_token', errorDescription: 'Invalid DPoP key binding', algs: ['ES256'] });
    expect(formatChallenge(figure16)).toBe('DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256"');
  });

  it('reproduces Figure 17, a resource that accepts Bearer and DPoP and says no error to a request without credentials', () => {
    const both = formatChallenges([{ scheme: 'Bearer', params: {} }, dpopChallenge({ algs: ['ES256', 'PS256'] })]);
    expect(both).toBe('Bearer, DPoP algs="ES256 PS256"');
  });

  it('may carry no parameter at all, unlike Bearer (algs is only a SHOULD)', () => {
    expect(formatChallenge(dpopChallenge())).toBe('DPoP');
    expect(codes('DPoP')).toEqual([]);
  });

  it('parses back to the same challenge, with RFC 9470 step-up parameters and resource_metadata', () => {
    const challenge = dpopChallenge({
      realm: 'api',
      scope: ['read', 'write'],
      error: 'insufficient_user_authentication',
      acrValues: ['mfa', 'phr'],
      maxAge: 300,
      resourceMetadata: 'https://lab.example/.well-known/oauth-protected-resource',
      algs: ['ES256', 'EdDSA'],
    });
    const parsed = parseChallenges(formatChallenge(challenge));
    expect(parsed).toEqual({ ok: true, value: [challenge], warnings: [] });
    expect(challenge.params).toMatchObject({ acr_values: 'mfa phr', max_age: '300', algs: 'ES256 EdDSA' });
  });

  it.each([
    ['algs naming none', { algs: ['none'] }],
    ['algs naming a MAC', { algs: ['ES256', 'HS256'] }],
    ['an empty algs', { algs: [] }],
    ['an alg with a space', { algs: ['ES 256'] }],
    ['a scope token with a quote', { scope: ['a"b'] }],
    ['a non-ASCII error_description', { errorDescription: 'caf\u00e9' }],
    ['a relative resource_metadata', { resourceMetadata: '/meta' }],
    ['a negative max_age', { maxAge: -1 }],
    ['a fractional max_age', { maxAge: 1.5 }],
    ['an acr value with a space', { acrValues: ['a b'] }],
    ['no acr value', { acrValues: [] }],
  ])('refuses %s', (_what, options) => {
    expect(() => dpopChallenge(options)).toThrow(TypeError);
  });

  it('allows an asymmetric algorithm this library cannot check: the server decides what it lists', () => {
    expect(dpopChallenge({ algs: ['ES256K'] }).params.algs).toBe('ES256K');
  });
});

describe('DPoP errors and their statuses at a resource server', () => {
  it.each([
    ['invalid_request', 400],
    ['invalid_token', 401],
    ['insufficient_scope', 403],
    ['invalid_dpop_proof', 401],
    ['use_dpop_nonce', 401],
    ['insufficient_user_authentication', 401],
  ] as const)('%s -> %i', (code, status) => {
    expect(dpopErrorStatus(code)).toBe(status);
  });

  it('knows every code it lists', () => {
    expect([...DPOP_ERROR_CODES].sort()).toEqual(
      ['insufficient_scope', 'insufficient_user_authentication', 'invalid_dpop_proof', 'invalid_request', 'invalid_token', 'use_dpop_nonce'].sort(),
    );
  });

  it.each<[DpopRejection, number, string]>([
    [{ kind: 'no-credentials' }, 401, 'DPoP realm="api", algs="ES256"'],
    [
      { kind: 'invalid-request', description: 'Multiple methods used to include access token' },
      400,
      'DPoP realm="api", error="invalid_request", error_description="Multiple methods used to include access token", algs="ES256"',
    ],
    [{ kind: 'invalid-token' }, 401, 'DPoP realm="api", error="invalid_token", algs="ES256"'],
    [{ kind: 'insufficient-scope', scope: ['photos:write'] }, 403, 'DPoP realm="api", scope="photos:write", error="insufficient_scope", algs="ES256"'],
    [
      { kind: 'invalid-dpop-proof', description: 'htm does not match' },
      401,
      'DPoP realm="api", error="invalid_dpop_proof", error_description="htm does not match", algs="ES256"',
    ],
    [{ kind: 'use-dpop-nonce' }, 401, 'DPoP realm="api", error="use_dpop_nonce", algs="ES256"'],
    [
      { kind: 'insufficient-user-authentication', acrValues: ['mfa'], maxAge: 60 },
      401,
      'DPoP realm="api", error="insufficient_user_authentication", acr_values="mfa", max_age="60", algs="ES256"',
    ],
  ])('%j -> %i', (rejection, status, header) => {
    const result = dpopRejection(rejection, { realm: 'api', algs: ['ES256'] });
    expect(result.status).toBe(status);
    expect(formatChallenge(result.challenge)).toBe(header);
  });
});

describe('readDpopToken (RFC 9449 §7.1)', () => {
  it.each([
    ['DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU', 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'],
    ['dpop abc==', 'abc=='],
    ['DPOP a/b+c', 'a/b+c'],
  ])('%j -> %j', (input, token) => {
    expect(readDpopToken(input)).toMatchObject({ ok: true, value: token });
  });

  it.each([
    ['Bearer Kz~8mXK1EalYznwH', 'dpop-wrong-scheme'],
    ['DPoP', 'dpop-not-token68'],
    ['DPoP token="abc"', 'dpop-not-token68'],
    ['DPoP abc def', 'invalid-token68'],
  ])('%j -> %s', (input, code) => {
    expect(readDpopToken(input)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('DPoP-Nonce syntax (RFC 9449 §8.1: 1*NQCHAR)', () => {
  it.each(['eyJ7S_zG.eyJH0-Z.HX4w-7v', 'eyJ7S_zG.eyJbYu3.xQmBj-1', '!#[]~'])('accepts %j', (nonce) => {
    expect(isDpopNonce(nonce)).toBe(true);
  });
  it.each(['', 'a b', 'a"b', 'a\\b', 'caf\u00e9', 'a\tb'])('refuses %j', (nonce) => {
    expect(isDpopNonce(nonce)).toBe(false);
  });
});

describe('lint: DPoP challenges and credentials', () => {
  it.each([
    ['DPoP algs="ES256 PS256"', []],
    ['DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"', []],
    ['DPoP error="invalid_dpop_proof", algs="EdDSA"', []],
    ['DPoP error="insufficient_user_authentication", acr_values="mfa", max_age=5', []],
    ['DPoP error="expired_proof"', ['dpop-unknown-error']],
    ['DPoP algs="none"', ['dpop-algs-not-asymmetric']],
    ['DPoP algs="ES256 HS256 HS512"', ['dpop-algs-not-asymmetric', 'dpop-algs-not-asymmetric']],
    ['DPoP algs=""', ['dpop-algs-empty']],
    ['DPoP abc==', ['dpop-token68']],
    ['DPoP max_age="-5"', ['step-up-max-age']],
    ['DPoP acr_values="a  b"', ['step-up-acr-values']],
    ['DPoP resource_metadata="/x"', ['dpop-resource-metadata-url']],
    ['dpop realm=api', ['realm-not-quoted']],
  ])('%s -> %j', (header, expected) => {
    expect(codes(header)).toEqual(expected);
  });

  it('points at the offending algorithm inside algs', () => {
    const header = 'DPoP algs="ES256 HS256"';
    const parsed = parseChallenges(header);
    expect(parsed.ok && parsed.warnings[0]?.index).toBe(header.indexOf('HS256'));
  });

  it('flags DPoP credentials that are not a token68', () => {
    const parsed = parseCredentials('DPoP token="abc"');
    expect(parsed.ok && parsed.warnings.map((d) => d.code)).toEqual(['dpop-not-token68']);
    const fine = parseCredentials('DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU');
    expect(fine.ok && fine.warnings).toEqual([]);
  });
});

describe('property: every challenge dpopChallenge builds parses back to itself, with no warning', () => {
  const nqchar = fc.stringMatching(/^[\x21\x23-\x5b\x5d-\x7e]{1,12}$/);
  const nqschar = fc.stringMatching(/^[\x20\x21\x23-\x5b\x5d-\x7e]{0,30}$/);
  const options = fc.record(
    {
      realm: fc.string({ maxLength: 10 }).filter((s) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(s)),
      scope: fc.array(nqchar, { minLength: 1, maxLength: 3 }),
      error: fc.constantFrom(...DPOP_ERROR_CODES),
      errorDescription: nqschar,
      acrValues: fc.array(nqchar, { minLength: 1, maxLength: 3 }),
      maxAge: fc.nat(),
      algs: fc.subarray([...DPOP_ALGORITHMS], { minLength: 1 }),
    },
    { requiredKeys: [] },
  );

  it('round-trips', () => {
    fc.assert(
      fc.property(options, (o) => {
        const challenge = dpopChallenge(o);
        expect(parseChallenges(formatChallenge(challenge))).toEqual({ ok: true, value: [challenge], warnings: [] });
      }),
      { numRuns: 500 },
    );
  });
});
