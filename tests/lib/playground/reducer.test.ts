import { defaultState, oauthPresetState, playgroundStateSchema, stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { playgroundReducer, requestForSend, type PlaygroundAction } from '@/lib/playground/reducer';
import { findPreset } from '@/lib/sandbox/scenario/presets';

const preset = (id: string) => {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return stateForPreset(found);
};

const BASIC = 'Basic YWxpY2U6d29uZGVybGFuZA==';
/** The default state (basic-missing-credentials, GET, no headers) with some request fields changed. */
const withRequest = (request: Partial<PlaygroundState['request']>, base = defaultState()): PlaygroundState => ({
  ...base,
  request: { ...base.request, ...request },
});
const headers = (...list: [string, string][]) => withRequest({ headers: list });
const target = (query: string) => withRequest({ target: `/api/sandbox/presets/basic${query}` });

// [what, state before, action, state after]
const CASES: [string, PlaygroundState, PlaygroundAction, PlaygroundState][] = [
  ['choose-preset: the preset state', defaultState(), { type: 'choose-preset', id: 'digest-auth-int' }, preset('digest-auth-int')],
  ['choose-preset: the OAuth start (whoami, oauth mode)', defaultState(), { type: 'choose-preset', id: 'oauth-discovery' }, oauthPresetState()],
  [
    'choose-preset: the step-up start (POST transfer, oauth mode)',
    defaultState(),
    { type: 'choose-preset', id: 'oauth-step-up' },
    { ...oauthPresetState(), preset: 'oauth-step-up', request: { method: 'POST', target: '/api/sandbox/oauth/transfer', headers: [], body: '' } },
  ],
  [
    'set-sign-in: one field, the others kept',
    oauthPresetState(),
    { type: 'set-sign-in', signIn: { decision: 'deny' } },
    { ...oauthPresetState(), signIn: { username: 'alice', password: 'wonderland', decision: 'deny' } },
  ],
  ['choose-preset: an unknown id changes nothing', headers(['A', 'b']), { type: 'choose-preset', id: 'no-such-preset' }, headers(['A', 'b'])],
  [
    "reset: back to the state's preset, mode and client included",
    { ...withRequest({ method: 'PUT', body: 'x' }, preset('forbidden-by-role')), mode: 'manual' },
    { type: 'reset' },
    preset('forbidden-by-role'),
  ],
  ['set-method: as typed (methods are case-sensitive)', defaultState(), { type: 'set-method', method: 'patch' }, withRequest({ method: 'patch' })],
  ['set-target', defaultState(), { type: 'set-target', target: '/api/sandbox/digest' }, withRequest({ target: '/api/sandbox/digest' })],
  ['set-scenario-param: appended to an empty query', target(''), { type: 'set-scenario-param', name: 'realm', value: 'x' }, target('?realm=x')],
  [
    'set-scenario-param: replaced in place, others untouched',
    target('?a=%41&realm=old&qop=auth'),
    { type: 'set-scenario-param', name: 'realm', value: 'new' },
    target('?a=%41&realm=new&qop=auth'),
  ],
  [
    'set-scenario-param: a later duplicate goes',
    target('?realm=a&qop=auth&realm=b'),
    { type: 'set-scenario-param', name: 'realm', value: 'c' },
    target('?realm=c&qop=auth'),
  ],
  [
    'set-scenario-param: lists stay readable, & and space are encoded',
    target(''),
    { type: 'set-scenario-param', name: 'schemes', value: 'digest,basic' },
    target('?schemes=digest,basic'),
  ],
  [
    'set-scenario-param: value with & and space',
    target('?status=404'),
    { type: 'set-scenario-param', name: 'realm', value: 'a b&c' },
    target('?status=404&realm=a%20b%26c'),
  ],
  [
    'set-scenario-param: null removes, the last one removes the "?"',
    target('?realm=x'),
    { type: 'set-scenario-param', name: 'realm', value: null },
    target(''),
  ],
  [
    'set-scenario-param: null removes every occurrence',
    target('?realm=x&layout=one-line&realm=y'),
    { type: 'set-scenario-param', name: 'realm', value: null },
    target('?layout=one-line'),
  ],
  ['set-scenario-param: an encoded name is the same name', target('?re%61lm=x'), { type: 'set-scenario-param', name: 'realm', value: 'y' }, target('?realm=y')],
  ['add-header: empty by default', headers(['A', '1']), { type: 'add-header' }, headers(['A', '1'], ['', ''])],
  [
    'add-header: repeated names allowed',
    headers(['Authorization', BASIC]),
    { type: 'add-header', name: 'Authorization', value: BASIC },
    headers(['Authorization', BASIC], ['Authorization', BASIC]),
  ],
  ['update-header', headers(['A', '1'], ['B', '2']), { type: 'update-header', index: 1, name: 'C', value: '3' }, headers(['A', '1'], ['C', '3'])],
  ['update-header: out of range changes nothing', headers(['A', '1']), { type: 'update-header', index: 1, name: 'C', value: '3' }, headers(['A', '1'])],
  [
    'remove-header: only that line of a repeated name',
    headers(['A', '1'], ['A', '2'], ['A', '3']),
    { type: 'remove-header', index: 1 },
    headers(['A', '1'], ['A', '3']),
  ],
  ['remove-header: out of range changes nothing', headers(['A', '1']), { type: 'remove-header', index: -1 }, headers(['A', '1'])],
  [
    'move-header: up',
    headers(['A', '1'], ['B', '2'], ['C', '3']),
    { type: 'move-header', index: 2, direction: 'up' },
    headers(['A', '1'], ['C', '3'], ['B', '2']),
  ],
  [
    'move-header: down',
    headers(['A', '1'], ['B', '2'], ['C', '3']),
    { type: 'move-header', index: 0, direction: 'down' },
    headers(['B', '2'], ['A', '1'], ['C', '3']),
  ],
  [
    'move-header: past the top changes nothing',
    headers(['A', '1'], ['B', '2']),
    { type: 'move-header', index: 0, direction: 'up' },
    headers(['A', '1'], ['B', '2']),
  ],
  [
    'move-header: past the bottom changes nothing',
    headers(['A', '1'], ['B', '2']),
    { type: 'move-header', index: 1, direction: 'down' },
    headers(['A', '1'], ['B', '2']),
  ],
  [
    'set-credentials: appended',
    headers(['Accept', '*/*']),
    { type: 'set-credentials', field: 'Authorization', value: BASIC },
    headers(['Accept', '*/*'], ['Authorization', BASIC]),
  ],
  [
    'set-credentials: replaces in place, any case (RFC 9110 §5.1)',
    headers(['authorization', 'Bearer x'], ['Accept', '*/*']),
    { type: 'set-credentials', field: 'Authorization', value: BASIC },
    headers(['Authorization', BASIC], ['Accept', '*/*']),
  ],
  [
    'set-credentials: one field remains of several',
    headers(['Authorization', 'a'], ['Accept', '*/*'], ['AUTHORIZATION', 'b']),
    { type: 'set-credentials', field: 'Authorization', value: BASIC },
    headers(['Authorization', BASIC], ['Accept', '*/*']),
  ],
  [
    'set-credentials: Proxy-Authorization leaves Authorization alone',
    headers(['Authorization', BASIC]),
    { type: 'set-credentials', field: 'Proxy-Authorization', value: BASIC },
    headers(['Authorization', BASIC], ['Proxy-Authorization', BASIC]),
  ],
  [
    'set-credentials: null removes every line of that name',
    headers(['Authorization', 'a'], ['Accept', '*/*'], ['authorization', 'b']),
    { type: 'set-credentials', field: 'Authorization', value: null },
    headers(['Accept', '*/*']),
  ],
  ['set-body: kept even for GET', defaultState(), { type: 'set-body', body: '{"a":1}' }, withRequest({ body: '{"a":1}' })],
  ['set-mode', defaultState(), { type: 'set-mode', mode: 'manual' }, { ...defaultState(), mode: 'manual' }],
  [
    'set-client',
    defaultState(),
    {
      type: 'set-client',
      client: {
        origin: { kind: 'token', token: 'expired', subject: 'alice', scope: ['read'] },
        proxy: { kind: 'none' },
        staleNonceFirst: false,
        connections: 'keep-alive',
      },
    },
    {
      ...defaultState(),
      client: {
        origin: { kind: 'token', token: 'expired', subject: 'alice', scope: ['read'] },
        proxy: { kind: 'none' },
        staleNonceFirst: false,
        connections: 'keep-alive',
      },
    },
  ],
];

describe('playgroundReducer', () => {
  test.each(CASES)('%s', (_what, before, action, after) => {
    const snapshot = structuredClone(before);
    expect(playgroundReducer(before, action)).toEqual(after);
    expect(before).toEqual(snapshot); // never mutates
  });

  test('every action type has a case above', () => {
    const types: PlaygroundAction['type'][] = [
      'choose-preset',
      'reset',
      'set-method',
      'set-target',
      'set-scenario-param',
      'add-header',
      'update-header',
      'remove-header',
      'move-header',
      'set-credentials',
      'set-body',
      'set-mode',
      'set-client',
      'set-sign-in',
    ];
    expect(new Set(CASES.map(([, , action]) => action.type))).toEqual(new Set(types));
  });

  test('the preset state it returns is a copy: editing it cannot change the preset', () => {
    const chosen = playgroundReducer(defaultState(), { type: 'choose-preset', id: 'wrong-scheme' });
    (chosen.request.headers[0] as [string, string])[1] = 'changed';
    expect(preset('wrong-scheme').request.headers).toEqual([['Authorization', BASIC]]);
  });

  test('states built from valid states with valid edits stay valid', () => {
    let state = preset('proxy-then-origin');
    for (const action of [
      { type: 'set-credentials', field: 'Proxy-Authorization', value: BASIC },
      { type: 'set-scenario-param', name: 'proxy', value: 'digest' },
      { type: 'add-header', name: 'Accept', value: 'application/json' },
      { type: 'move-header', index: 1, direction: 'up' },
    ] satisfies PlaygroundAction[]) {
      state = playgroundReducer(state, action);
    }
    expect(playgroundStateSchema.safeParse(state).success).toBe(true);
    expect(state.request.target).toBe('/api/sandbox/presets/proxy-then-origin?proxy=digest');
    expect(state.request.headers).toEqual([
      ['Accept', 'application/json'],
      ['Proxy-Authorization', BASIC],
    ]);
  });
});

describe('requestForSend', () => {
  test('oauth mode: the target, and how the learner signs in', () => {
    const state = { ...oauthPresetState(), signIn: { username: 'bob', password: 'builder', decision: 'deny' as const } };
    expect(requestForSend(state)).toEqual({
      kind: 'ready',
      input: {
        request: { method: 'GET', target: '/api/sandbox/oauth/whoami', headers: [], body: '' },
        mode: 'oauth',
        client: state.client,
        signIn: { username: 'bob', password: 'builder', decision: 'deny' },
      },
    });
  });

  test('the exchange input: request, mode and client', () => {
    const state = preset('digest-auth-int');
    expect(requestForSend(state)).toEqual({
      kind: 'ready',
      input: {
        request: {
          method: 'POST',
          target: '/api/sandbox/presets/digest-auth-int',
          headers: [['Content-Type', 'application/json']],
          body: '{"title":"Q4 plan"}',
        },
        mode: 'auto',
        client: state.client,
      },
    });
  });

  test.each([
    ['POST', '{"a":1}'],
    ['PUT', '{"a":1}'],
    ['PATCH', '{"a":1}'],
    ['DELETE', '{"a":1}'],
    ['GET', ''],
    ['HEAD', ''],
    ['TRACE', ''],
  ])('%s sends body %j; the state keeps it', (method, sent) => {
    const state = withRequest({ method, body: '{"a":1}' });
    const result = requestForSend(state);
    expect(result.kind === 'ready' && result.input.request.body).toBe(sent);
    expect(state.request.body).toBe('{"a":1}');
  });

  test("an unfinished request is invalid, with every problem in the reader's words", () => {
    const state = withRequest({
      method: 'get',
      target: '/elsewhere',
      headers: [
        ['Accept', 'a'],
        ['', 'x'],
        ['X-Evil', 'a\r\nInjected: 1'],
      ],
    });
    const result = requestForSend(state);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.problems).toEqual([
      'method: must be an upper-case method such as GET',
      'target: must start with /api/sandbox/ (the playground only talks to the sandbox)',
      expect.stringMatching(/^header 2 name: /),
      expect.stringMatching(/^header 2 name: must be an HTTP token/),
      'header 3 value: must not contain CR, LF or other control characters',
    ]);
  });
});
