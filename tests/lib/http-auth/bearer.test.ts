import { bearerChallenge, bearerErrorStatus, bearerRejection, formatChallenge, parseChallenges, readBearerToken } from '@/lib/http-auth';

describe('Bearer challenges (RFC 6750 §3)', () => {
  it('reproduces the RFC examples', () => {
    expect(formatChallenge(bearerChallenge({ realm: 'example' }))).toBe('Bearer realm="example"');
    const expired = bearerChallenge({ realm: 'example', error: 'invalid_token', errorDescription: 'The access token expired' });
    expect(formatChallenge(expired)).toBe('Bearer realm="example", error="invalid_token", error_description="The access token expired"');
  });

  it('writes scope space-delimited and parses back to the same challenge', () => {
    const challenge = bearerChallenge({ realm: 'api', scope: ['openid', 'profile', 'email'] });
    const result = parseChallenges(formatChallenge(challenge));
    expect(result).toEqual({ ok: true, value: [challenge], warnings: [] });
    expect(challenge.params.scope).toBe('openid profile email');
  });

  it.each([[{}], [{ scope: ['bad"scope'] }], [{ realm: 'a', errorDescription: 'caf\u00e9' }], [{ realm: 'a', errorUri: 'https://x/"' }]])(
    'refuses %j',
    (options) => {
      expect(() => bearerChallenge(options)).toThrow(TypeError);
    },
  );
});

describe('Bearer errors (RFC 6750 §3.1)', () => {
  it.each([
    ['invalid_request', 400],
    ['invalid_token', 401],
    ['insufficient_scope', 403],
  ] as const)('%s -> %i', (code, status) => {
    expect(bearerErrorStatus(code)).toBe(status);
  });

  it('sends no error code when the request carried no credentials', () => {
    const { status, challenge } = bearerRejection({ kind: 'no-credentials' }, 'api');
    expect(status).toBe(401);
    expect(formatChallenge(challenge)).toBe('Bearer realm="api"');
  });

  it.each([
    [{ kind: 'invalid-request' } as const, 400, 'Bearer realm="api", error="invalid_request"'],
    [
      { kind: 'invalid-token', description: 'expired 12 s ago' } as const,
      401,
      'Bearer realm="api", error="invalid_token", error_description="expired 12 s ago"',
    ],
    [{ kind: 'insufficient-scope', scope: ['photos:write'] } as const, 403, 'Bearer realm="api", scope="photos:write", error="insufficient_scope"'],
  ])('%j -> %i', (rejection, status, header) => {
    const result = bearerRejection(rejection, 'api');
    expect(result.status).toBe(status);
    expect(formatChallenge(result.challenge)).toBe(header);
  });
});

describe('readBearerToken (RFC 6750 §2.1)', () => {
  it.each([
    ['Bearer mF_9.B5f-4.1JqM', 'mF_9.B5f-4.1JqM'],
    ['bearer mF_9.B5f-4.1JqM', 'mF_9.B5f-4.1JqM'],
    ['BEARER abc==', 'abc=='],
  ])('%j -> %j', (input, token) => {
    expect(readBearerToken(input)).toMatchObject({ ok: true, value: token });
  });

  it.each([
    ['Basic QWxh', 'bearer-wrong-scheme'],
    ['Bearer', 'bearer-not-token68'],
    ['Bearer token="abc"', 'bearer-not-token68'],
    ['Bearer abc def', 'invalid-token68'],
    ['Bearer a@b', 'invalid-token68'],
  ])('%j -> %s', (input, code) => {
    expect(readBearerToken(input)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('resource_metadata (RFC 9728 §5.1)', () => {
  const url = 'https://lab.example/.well-known/oauth-protected-resource/api/sandbox/mcp';

  test('a challenge names where the resource’s metadata is, and round-trips', () => {
    const header = formatChallenge(bearerChallenge({ realm: 'mcp', resourceMetadata: url }));
    expect(header).toBe(`Bearer realm="mcp", resource_metadata="${url}"`);
    const parsed = parseChallenges(header);
    expect(parsed.ok && parsed.value[0]?.params).toEqual({ realm: 'mcp', resource_metadata: url });
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  test.each(['/relative', 'mailto:x@example.com', 'not a url'])('%s is refused when building, and flagged when read', (value) => {
    expect(() => bearerChallenge({ resourceMetadata: value })).toThrow(/RFC (9728 §5\.1|6750 §3)/);
    const parsed = parseChallenges(`Bearer resource_metadata="${value}"`);
    expect(parsed.ok && parsed.warnings.map((d) => d.code)).toEqual(['bearer-resource-metadata-url']);
  });
});

describe('step-up on Bearer (RFC 9470 §3)', () => {
  it('reproduces Figures 2 and 3', () => {
    const acr = bearerChallenge({
      error: 'insufficient_user_authentication',
      errorDescription: 'A different authentication level is required',
      acrValues: ['myACR'],
    });
    expect(formatChallenge(acr)).toBe(
      'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR"',
    );
    const recent = bearerChallenge({ error: 'insufficient_user_authentication', errorDescription: 'More recent authentication is required', maxAge: 5 });
    expect(formatChallenge(recent)).toBe(
      'Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5"',
    );
  });

  it('answers insufficient_user_authentication with 401 and the requirements', () => {
    expect(bearerErrorStatus('insufficient_user_authentication')).toBe(401);
    const { status, challenge } = bearerRejection({ kind: 'insufficient-user-authentication', acrValues: ['mfa', 'hwk'], maxAge: 0 }, 'api');
    expect(status).toBe(401);
    expect(formatChallenge(challenge)).toBe('Bearer realm="api", error="insufficient_user_authentication", acr_values="mfa hwk", max_age="0"');
  });

  it.each([[{ maxAge: -1 }], [{ maxAge: 2.5 }], [{ maxAge: Number.NaN }], [{ acrValues: ['two words'] }], [{ acrValues: [] }]])('refuses %j', (options) => {
    expect(() => bearerChallenge({ realm: 'api', ...options })).toThrow(/RFC 9470 §3/);
  });

  it.each([
    ['Bearer error="insufficient_user_authentication", acr_values="myACR"', []],
    ['Bearer error="insufficient_user_authentication", max_age=5', []],
    ['Bearer error="insufficient_user_authentication", max_age="5"', []],
    ['Bearer error="insufficient_user_authentication", max_age="5m"', ['step-up-max-age']],
    ['Bearer error="insufficient_user_authentication", max_age="-1"', ['step-up-max-age']],
    ['Bearer error="insufficient_user_authentication", acr_values=" mfa"', ['step-up-acr-values']],
    ['Bearer error="insufficient_user_authentication", acr_values=""', ['step-up-acr-values']],
  ])('lint: %s -> %j', (header, expected) => {
    const parsed = parseChallenges(header);
    expect(parsed.ok && parsed.warnings.map((d) => d.code)).toEqual(expected);
  });
});
