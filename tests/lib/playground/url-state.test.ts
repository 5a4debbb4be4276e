import fc from 'fast-check';
import { OAUTH_DPOP_PRESET, OAUTH_PRESETS, OAUTH_STEP_UP_PRESET } from '@/lib/playground/oauth-preset';
import { defaultState, oauthPresetState, playgroundStateSchema, stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { decodeState, encodeState, SHARE_URL_LIMIT, shareUrl, shareUrlTooLong } from '@/lib/playground/url-state';
import type { HeldSecret } from '@/lib/sandbox/scenario/client-profile';
import { findPreset, allPresets } from '@/lib/sandbox/scenario/presets';

const ORIGIN = 'https://http-auth-lab.example';
const preset = (id: string) => {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return stateForPreset(found);
};

// Arbitraries within the schema's limits (exchangeInputSchema, clientProfileSchema), kept small.
const chars = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));
const TOKEN_CHARS = "!#$%&'*+.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";
const headerName = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 20 });
/** Field values: HTAB, printable ASCII and obs-text (RFC 9110 §5.5), colons and percent signs included. */
const headerValue = fc.string({
  unit: fc.oneof(chars(0x20, 0x7e), chars(0x80, 0xff), fc.constant('\t'), fc.constantFrom(':', '%', '&', '+', '=')),
  maxLength: 40,
});
const method = fc.stringMatching(/^[A-Z]{1,16}$/);
const targetRest = fc.string({ unit: chars(0x21, 0x7e), maxLength: 60 });
/** Any Unicode text without unpaired surrogates (which UTF-8, and so a URL, cannot carry). */
const text = (minLength: number, maxLength: number) => fc.string({ unit: 'grapheme', minLength, maxLength });
const secretText = text(1, 20).filter((value) => value.length <= 128 && !/[\x00-\x1f\x7f]/.test(value));
const scopeToken = fc.stringMatching(/^[\x21\x23-\x5b\x5d-\x7e]{1,10}$/);
const heldSecret: fc.Arbitrary<HeldSecret> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('password' as const),
    user: secretText,
    password: secretText,
    charset: fc.constantFrom('UTF-8' as const, 'ISO-8859-1' as const),
  }),
  fc.record({
    kind: fc.constant('token' as const),
    token: fc.constantFrom('valid' as const, 'expired' as const, 'forged' as const, 'garbage' as const),
    subject: fc.oneof(fc.constant('alice'), secretText),
    scope: fc.array(scopeToken, { maxLength: 8 }),
  }),
);

/** A preset's state with each part either kept (so the link omits it) or replaced by a random value. */
const playgroundState: fc.Arbitrary<PlaygroundState> = fc
  .constantFrom(...allPresets().map(stateForPreset), ...OAUTH_PRESETS.map((start) => oauthPresetState(start)))
  .chain((base) => {
    const keepOr = <T>(value: T, other: fc.Arbitrary<T>) => fc.oneof(fc.constant(value), other);
    return fc.record({
      v: fc.constant(base.v),
      preset: fc.constant(base.preset),
      request: fc.record({
        method: keepOr(base.request.method, method),
        target: keepOr(
          base.request.target,
          targetRest.map((rest) => `/api/sandbox/${rest}`),
        ),
        headers: keepOr(base.request.headers, fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 })),
        body: keepOr(base.request.body, fc.oneof(fc.constant(''), text(0, 60))),
      }),
      mode: fc.constantFrom('auto' as const, 'manual' as const, 'oauth' as const),
      client: keepOr(
        base.client,
        fc.record({
          origin: heldSecret,
          proxy: heldSecret,
          staleNonceFirst: fc.boolean(),
          connections: fc.constantFrom('keep-alive' as const, 'new-per-request' as const),
        }),
      ),
      signIn: keepOr(
        base.signIn,
        fc
          .record({
            username: fc.oneof(fc.constant(''), secretText),
            password: fc.oneof(fc.constant(''), secretText),
            decision: fc.constantFrom('allow' as const, 'deny' as const),
            otp: fc.option(
              secretText.filter((code) => code !== ''),
              { nil: undefined },
            ),
          })
          .map(({ otp, ...signIn }) => (otp === undefined ? signIn : { ...signIn, otp })),
      ),
    });
  });

describe('encodeState / decodeState', () => {
  test('round trip: every valid state comes back deep-equal, with no problems', () => {
    fc.assert(
      fc.property(playgroundState, (state) => {
        expect(playgroundStateSchema.safeParse(state).success).toBe(true);
        expect(decodeState(encodeState(state))).toEqual({ state, problems: [] });
        expect(decodeState(`?${encodeState(state)}`).state).toEqual(state);
      }),
      { numRuns: 400 },
    );
  });

  test.each(allPresets().map((p) => p.id))('preset %s: a short, readable link', (id) => {
    expect(encodeState(preset(id))).toBe(`v=1&p=${id}`);
  });

  test('the OAuth start: a short link, and its sign-in in words a trainer can edit', () => {
    const state = oauthPresetState();
    expect(encodeState(state)).toBe('v=1&p=oauth-discovery');
    expect(decodeState('v=1&p=oauth-discovery')).toEqual({ state, problems: [] });
    const denied = { ...state, signIn: { username: 'bob', password: 'builder', decision: 'deny' as const } };
    expect(encodeState(denied)).toBe('v=1&p=oauth-discovery&user=bob&pass=builder&consent=deny');
    expect(decodeState('v=1&p=oauth-discovery&user=bob&pass=builder&consent=deny').state).toEqual(denied);
  });

  test('the step-up start: POST transfer in oauth mode, a short link, and a typed one-time code in it', () => {
    const state = oauthPresetState(OAUTH_STEP_UP_PRESET);
    expect(state).toMatchObject({ mode: 'oauth', request: { method: 'POST', target: '/api/sandbox/oauth/transfer' } });
    expect(encodeState(state)).toBe('v=1&p=oauth-step-up');
    expect(decodeState('v=1&p=oauth-step-up')).toEqual({ state, problems: [] });
    const wrongCode = { ...state, signIn: { ...state.signIn, otp: '111111' } };
    expect(encodeState(wrongCode)).toBe('v=1&p=oauth-step-up&otp=111111');
    expect(decodeState('v=1&p=oauth-step-up&otp=111111')).toEqual({ state: wrongCode, problems: [] });
    // An empty code is the page's code, as no code is.
    expect(decodeState('v=1&p=oauth-step-up&otp=').state).toEqual(state);
  });

  test('the DPoP start: GET dpop in oauth mode, a short link', () => {
    const state = oauthPresetState(OAUTH_DPOP_PRESET);
    expect(state).toMatchObject({ mode: 'oauth', request: { method: 'GET', target: '/api/sandbox/oauth/dpop' } });
    expect(encodeState(state)).toBe('v=1&p=oauth-dpop');
    expect(decodeState('v=1&p=oauth-dpop')).toEqual({ state, problems: [] });
  });

  test('a bad sign-in value keeps the preset’s, saying so', () => {
    const { state, problems } = decodeState('v=1&p=oauth-discovery&consent=maybe&user=a%0Ab');
    expect(state.signIn).toEqual(oauthPresetState().signIn);
    expect(problems).toEqual([expect.stringContaining('user="a\\nb"'), expect.stringContaining('consent="maybe"')]);
  });

  test.each([
    [
      'a header',
      { ...defaultState(), request: { ...defaultState().request, headers: [['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA==']] } },
      'v=1&p=basic-missing-credentials&h=Authorization:Basic+YWxpY2U6d29uZGVybGFuZA==',
    ],
    [
      'no headers where the preset has one',
      { ...preset('wrong-scheme'), request: { ...preset('wrong-scheme').request, headers: [] } },
      'v=1&p=wrong-scheme&h=',
    ],
    ['an emptied body', { ...preset('digest-auth-int'), request: { ...preset('digest-auth-int').request, body: '' } }, 'v=1&p=digest-auth-int&b='],
    [
      'method, scenario query and mode',
      {
        ...defaultState(),
        mode: 'manual',
        request: { ...defaultState().request, method: 'DELETE', target: '/api/sandbox/presets/basic?realm=a%20b&schemes=digest,basic' },
      },
      'v=1&p=basic-missing-credentials&m=DELETE&t=/api/sandbox/presets/basic?realm=a%2520b%26schemes=digest,basic&mode=manual',
    ],
    [
      'a client with a token and a proxy password',
      {
        ...defaultState(),
        client: {
          origin: { kind: 'token', token: 'expired', subject: 'bob', scope: ['read', 'write'] },
          proxy: { kind: 'password', user: 'alice', password: 'wonderland', charset: 'ISO-8859-1' },
          staleNonceFirst: true,
          connections: 'new-per-request',
        },
      },
      'v=1&p=basic-missing-credentials&ct=expired&cs=read+write&csub=bob&pu=alice&pp=wonderland&pc=ISO-8859-1&stale=1&conn=new',
    ],
    [
      'a client holding nothing',
      { ...defaultState(), client: { origin: { kind: 'none' }, proxy: { kind: 'none' }, staleNonceFirst: false, connections: 'keep-alive' } },
      'v=1&p=basic-missing-credentials&client=none',
    ],
  ] as [string, PlaygroundState, string][])('%s', (_what, state, encoded) => {
    expect(encodeState(state)).toBe(encoded);
    expect(decodeState(encoded)).toEqual({ state, problems: [] });
  });

  test('an empty query opens the default preset', () => {
    expect(decodeState('')).toEqual({ state: defaultState(), problems: [] });
    expect(decodeState('?')).toEqual({ state: defaultState(), problems: [] });
  });
});

describe('decodeState: hostile links', () => {
  const expectValid = (state: PlaygroundState) => expect(playgroundStateSchema.safeParse(state).success).toBe(true);

  test.each([
    ['garbage', '%%%&&==&=x&\u0000\uFFFF', [/Unknown parameter "%%%"/, /Unknown parameter ""/, /Unknown parameter "\\u0000\uFFFF"/]],
    ['an unknown preset', 'v=1&p=../../etc&m=PUT', [/There is no preset "..\/..\/etc": opened the default one/]],
    [
      'a CR/LF in a header value (header injection)',
      'p=basic&h=X-A:1&h=X-Evil:a%0D%0AInjected:+1&h=X-B:2',
      [/Header 2 "X-Evil:a\\r\\nInjected: 1" was dropped: its value must not contain CR, LF/],
    ],
    [
      'a header without a colon, and a bad name',
      'p=basic&h=NoColon&h=Bad%20Name:x',
      [/Header 1 "NoColon" was dropped: it has no ":"/, /Header 2 "Bad Name:x" was dropped: its name must be an HTTP token/],
    ],
    [
      'a lower-case method and a target outside the sandbox',
      'p=basic&m=get&t=https://evil.example/',
      [/method "get" is not valid/, /target "https:\/\/evil.example\/" is not valid/],
    ],
    ['an unknown mode and duplicates', 'p=basic&mode=turbo&m=PUT&m=POST', [/m appears more than once/, /mode "turbo" is not valid/]],
    ['a password and a token for the same hop', 'p=basic&cu=alice&ct=valid', [/origin credentials name both a password/]],
    [
      'a half password and a bad token kind',
      'p=basic&cu=alice&pt=stolen',
      [/origin credentials are not valid \(password: /, /proxy credentials are not valid \(token: /],
    ],
    ['an unknown client marker and stale value', 'p=basic&client=all&stale=yes', [/client=all is not understood/, /stale=yes is not 1 or 0/]],
    ['an unknown connection habit', 'p=ntlm&cu=alice&cp=wonderland&conn=pooled', [/conn=pooled is not new or keep/]],
  ])('%s: problems listed, state valid', (_what, search, patterns) => {
    const { state, problems } = decodeState(search);
    expectValid(state);
    expect(problems).toHaveLength(patterns.length);
    patterns.forEach((pattern, i) => expect(problems[i]).toMatch(pattern));
  });

  test('good parts of a partly bad link are kept', () => {
    const { state } = decodeState('p=basic&m=get&h=Accept:*/*&h=X-Evil:a%0Ab&b=x');
    expect(state.request).toEqual({ method: 'GET', target: '/api/sandbox/presets/basic', headers: [['Accept', '*/*']], body: 'x' });
    expect(state.preset).toBe('basic');
  });

  test('a newer format: only the preset is kept', () => {
    expect(decodeState('v=2&p=digest&m=POST&h=A:b')).toEqual({
      state: preset('digest'),
      problems: [expect.stringMatching(/format v="2", which this playground does not read \(it reads v=1\)/)],
    });
    expect(decodeState('v=banana').state).toEqual(defaultState());
  });

  test('huge values are dropped with a short problem, not echoed back', () => {
    const huge = 'a'.repeat(100_000);
    const { state, problems } = decodeState(`p=basic&t=/api/sandbox/${huge}&h=X:${huge}&b=${'b'.repeat(70_000)}`);
    expectValid(state);
    expect(state.request).toEqual(preset('basic').request);
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem.length).toBeLessThan(200);
  });

  test('more than 50 headers: the rest are dropped', () => {
    const { state, problems } = decodeState(`p=basic&${Array.from({ length: 52 }, (_, i) => `h=X-${i}:${i}`).join('&')}`);
    expect(state.request.headers).toHaveLength(50);
    expect(problems).toEqual([expect.stringMatching(/^Header 51 .* at most 50 headers/), expect.stringMatching(/^Header 52 /)]);
  });

  test('never throws, always valid: arbitrary query strings', () => {
    const keys = fc.constantFrom(
      'v',
      'p',
      'm',
      't',
      'h',
      'b',
      'mode',
      'cu',
      'cp',
      'cc',
      'ct',
      'cs',
      'csub',
      'pu',
      'pp',
      'pc',
      'pt',
      'ps',
      'psub',
      'stale',
      'client',
      'x',
    );
    const pair = fc.tuple(keys, fc.string({ maxLength: 30 })).map(([key, value]) => `${key}=${value}`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pair, { maxLength: 12 }).map((pairs) => pairs.join('&')),
        ),
        (search) => {
          const { state, problems } = decodeState(search);
          expectValid(state);
          expect(Array.isArray(problems)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('share links', () => {
  test('every preset, and a busy state, fit in the limit', () => {
    for (const p of allPresets()) expect(shareUrlTooLong(stateForPreset(p), ORIGIN)).toBe(false);
    const busy: PlaygroundState = {
      ...preset('digest-auth-int'),
      request: {
        method: 'PUT',
        target: '/api/sandbox/presets/digest-auth-int?algorithm=SHA-256&qop=auth-int&realm=reports&proxy=basic',
        headers: [
          ['Content-Type', 'application/json'],
          ['Authorization', `Digest ${'x'.repeat(400)}`],
          ['Proxy-Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
        ],
        body: JSON.stringify({ title: 'Q4 plan', notes: 'n'.repeat(200) }),
      },
    };
    expect(shareUrl(ORIGIN, busy).length).toBeLessThan(SHARE_URL_LIMIT);
    expect(shareUrl(`${ORIGIN}/`, preset('basic'))).toBe(`${ORIGIN}/playground?v=1&p=basic`);
  });

  test('a long body makes the link too long, and says so', () => {
    const long = { ...preset('digest-auth-int'), request: { ...preset('digest-auth-int').request, body: 'x'.repeat(SHARE_URL_LIMIT) } };
    expect(shareUrlTooLong(long, ORIGIN)).toBe(true);
  });
});
