import { clientProfileSchema, type ClientProfile } from './client-profile';
import type { HeaderList } from '../message';
import { scenarioSchema, type Scenario, type ScenarioInput } from './scenario';
import { presetPath } from '../routes/paths';

// Named scenarios the lessons and the playground open by id. Each says what it teaches, the request
// a reader starts with, and what the simulated client holds in auto mode.

export type Preset = {
  id: string;
  title: string;
  /** One or two sentences for the learner: what happens and why. */
  summary: string;
  scenario: Scenario;
  request: { method: string; path: string; headers: HeaderList; body?: string };
  client: ClientProfile;
};

type PresetInput = Omit<Preset, 'scenario' | 'client' | 'request'> & {
  scenario: ScenarioInput;
  client?: Partial<ClientProfile>;
  request?: Partial<Preset['request']>;
};

const alice = { name: 'alice', password: 'wonderland', roles: ['reader'] };
const bob = { name: 'bob', password: 'builder', roles: ['reader', 'editor'] };
const alicePassword = { kind: 'password', user: 'alice', password: 'wonderland', charset: 'UTF-8' } as const;
/** base64("alice:wonderland"), RFC 7617 §2. */
const ALICE_BASIC = 'YWxpY2U6d29uZGVybGFuZA==';

const basicOrigin = (extra: Partial<ScenarioInput['origin']> = {}) => ({
  realm: 'reports',
  schemes: [{ kind: 'basic' as const }],
  users: [alice, bob],
  ...extra,
});

const PRESET_INPUTS: PresetInput[] = [
  {
    id: 'basic',
    title: 'Basic authentication',
    summary: 'A resource protected by Basic (RFC 7617). Without credentials you get 401 and a challenge; with alice:wonderland, 200.',
    scenario: { origin: basicOrigin() },
    client: { origin: alicePassword },
  },
  {
    id: 'digest',
    title: 'Digest authentication',
    summary: 'Digest (RFC 7616) with SHA-256 preferred and MD5 for older clients: the password never crosses the wire.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'digest' }], users: [alice, bob] } },
    client: { origin: alicePassword },
  },
  {
    id: 'bearer',
    title: 'Bearer tokens',
    summary: 'A resource that needs a Bearer token (RFC 6750) with the "read" scope, issued by POST /api/sandbox/token.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'bearer', requiredScope: ['read'] }], users: [alice, bob] } },
    client: { origin: { kind: 'token', token: 'valid', subject: 'alice', scope: ['read'] } },
  },
  {
    id: 'basic-missing-credentials',
    title: 'Basic: missing credentials',
    summary: 'The first request carries no Authorization: the server answers 401 with a Basic challenge, and the client retries with credentials.',
    scenario: { origin: basicOrigin() },
    client: { origin: alicePassword },
  },
  {
    id: 'basic-wrong-password',
    title: 'Basic: wrong password',
    summary: 'alice sends the wrong password: 401 again, with a fresh challenge. A careful client asks the user instead of looping.',
    scenario: { origin: basicOrigin() },
    client: { origin: { kind: 'password', user: 'alice', password: 'looking-glass', charset: 'UTF-8' } },
  },
  {
    id: 'wrong-scheme',
    title: 'Wrong scheme',
    summary: 'The client sends Basic credentials to a resource that only takes Bearer tokens: 401 with a Bearer challenge.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'bearer', requiredScope: ['read'] }], users: [alice] } },
    request: { headers: [['Authorization', `Basic ${ALICE_BASIC}`]] },
    client: { origin: alicePassword },
  },
  {
    id: 'lowercase-scheme',
    title: 'Lower-case scheme name',
    summary: '"basic" in lower case is the same scheme as "Basic": scheme names are case-insensitive (RFC 9110 §11.1), so this is 200.',
    scenario: { origin: basicOrigin() },
    request: { headers: [['Authorization', `basic ${ALICE_BASIC}`]] },
    client: { origin: alicePassword },
  },
  {
    id: 'bearer-expired-token',
    title: 'Bearer: expired token',
    summary: 'The token expired: 401 with error="invalid_token" (RFC 6750 §3.1). The client should get a new token once, not loop.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'bearer', requiredScope: ['read'] }], users: [alice] } },
    client: { origin: { kind: 'token', token: 'expired', subject: 'alice', scope: ['read'] } },
  },
  {
    id: 'bearer-insufficient-scope',
    title: 'Bearer: insufficient scope',
    summary: 'A valid token without the "write" scope: 403 with error="insufficient_scope" and the scope needed (RFC 6750 §3.1).',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'bearer', requiredScope: ['read', 'write'] }], users: [alice] } },
    client: { origin: { kind: 'token', token: 'valid', subject: 'alice', scope: ['read'] } },
  },
  {
    id: 'malformed-authorization',
    title: 'Malformed Authorization',
    summary: 'An Authorization field that does not parse ("Bearer" followed by two tokens) is a bad request: 400, not 401.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'bearer', requiredScope: ['read'] }], users: [alice] } },
    request: { headers: [['Authorization', 'Bearer abc def']] },
    client: { origin: { kind: 'token', token: 'valid', subject: 'alice', scope: ['read'] } },
  },
  {
    id: 'digest-stale-nonce',
    title: 'Digest: stale nonce',
    summary:
      'The client answers with a nonce that has expired. The response is right, so the server says stale=true and the client retries with the new nonce without asking the user (RFC 7616 §3.3).',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'digest', algorithms: ['SHA-256'], nonceLifetimeSeconds: 30 }], users: [alice] } },
    client: { origin: alicePassword, staleNonceFirst: true },
  },
  {
    id: 'digest-auth-int',
    title: 'Digest: auth-int',
    summary:
      'qop=auth-int protects the request body too: the client hashes it into A2 (RFC 7616 §3.4.3), and Authentication-Info proves the server saw the same.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'digest', algorithms: ['SHA-256'], qop: ['auth-int'] }], users: [alice] } },
    request: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{"title":"Q4 plan"}' },
    client: { origin: alicePassword },
  },
  {
    id: 'several-challenges',
    title: 'Several challenges',
    summary: 'The server offers Digest, Bearer and Basic, one challenge per field line (RFC 9110 §11.6.1). The client picks the strongest it can answer.',
    scenario: {
      origin: {
        realm: 'reports',
        schemes: [{ kind: 'digest', algorithms: ['SHA-256'] }, { kind: 'bearer', requiredScope: [] }, { kind: 'basic' }],
        challengeLayout: 'several-lines',
        users: [alice, bob],
      },
    },
    client: { origin: alicePassword },
  },
  {
    id: 'proxy-then-origin',
    title: 'Proxy, then origin',
    summary: 'A proxy asks first (407, Proxy-Authenticate); once it lets you through, the origin asks its own question (401). Never both in one response.',
    scenario: { proxy: { realm: 'corp-proxy', schemes: [{ kind: 'basic' }], users: [alice] }, origin: basicOrigin() },
    client: { origin: alicePassword, proxy: alicePassword },
  },
  {
    id: 'forbidden-by-role',
    title: 'Forbidden by role',
    summary:
      'alice authenticates but lacks the "editor" role this resource needs: 403. Sending the same credentials again cannot help; bob\'s might (RFC 9110 §15.5.4).',
    scenario: { origin: basicOrigin({ requiredRole: 'editor' }) },
    request: { method: 'DELETE' },
    client: { origin: alicePassword },
  },
  {
    id: 'hidden-with-404',
    title: 'Hidden with 404',
    summary: 'The same refusal as "Forbidden by role", answered 404 to hide that the resource exists (RFC 9110 §15.5.4).',
    scenario: { origin: basicOrigin({ requiredRole: 'editor', forbiddenStatus: 404 }) },
    client: { origin: alicePassword },
  },
  {
    id: 'ntlm',
    title: 'NTLM: authenticating a connection',
    summary:
      "NTLM (Microsoft's MS-NLMP) takes three legs on one connection: NEGOTIATE, a 401 with the CHALLENGE, then AUTHENTICATE. It authenticates the connection, so later requests on it need no credentials; a new connection starts over.",
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'ntlm' }], users: [alice, bob] } },
    client: { origin: alicePassword },
  },
  {
    id: 'negotiate',
    title: 'Negotiate: SPNEGO, Kerberos or NTLM',
    summary:
      'Negotiate (RFC 4559) carries SPNEGO (RFC 4178), which picks Kerberos or NTLM. The lab has no KDC, so it speaks NTLM inside Negotiate, raw or wrapped in SPNEGO, and explains a Kerberos token instead of checking it.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'negotiate' }], users: [alice, bob] } },
    client: { origin: alicePassword },
  },
  {
    id: 'ntlm-proxy',
    title: 'NTLM at the proxy',
    summary:
      "A corporate proxy asks NTLM with 407 and Proxy-Authenticate, bound to the client's connection to the proxy; then the origin asks Basic with its own 401.",
    scenario: { proxy: { realm: 'corp-proxy', schemes: [{ kind: 'ntlm' }], users: [alice] }, origin: basicOrigin() },
    client: { origin: alicePassword, proxy: alicePassword },
  },
  {
    id: 'ntlm-split-connection',
    title: 'NTLM: a new connection between the legs',
    summary:
      'The same NTLM handshake, from a client (or a load balancer) that opens a new connection for each request. The CHALLENGE was issued on one connection and the AUTHENTICATE arrives on another, which has no handshake in progress: refused, with the reason.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'ntlm' }], users: [alice, bob] } },
    client: { origin: alicePassword, connections: 'new-per-request' },
  },
  {
    id: 'basic-non-ascii',
    title: 'Basic: non-ASCII credentials',
    summary: 'User "zoë" with password "123£": encoded as UTF-8, as charset="UTF-8" asks (RFC 7617 §2.1), they pass; a client sending ISO-8859-1 bytes fails.',
    scenario: { origin: { realm: 'reports', schemes: [{ kind: 'basic', charset: 'UTF-8' }], users: [{ name: 'zoë', password: '123£', roles: ['reader'] }] } },
    client: { origin: { kind: 'password', user: 'zoë', password: '123£', charset: 'UTF-8' } },
  },
];

function buildPreset(input: PresetInput): Preset {
  return {
    id: input.id,
    title: input.title,
    summary: input.summary,
    scenario: scenarioSchema.parse(input.scenario),
    request: { method: 'GET', path: presetPath(input.id), headers: [], ...input.request },
    client: clientProfileSchema.parse(input.client ?? {}),
  };
}

// Built on first use, one preset at a time: the playground's page needs one or two of them, and
// building means zod-parsing a scenario with its defaults, which at module load was a measured 11 ms of
// the page's hydration task on this machine (four times that on Lighthouse's phone). Every preset is
// still built and checked by the tests (allPresets) and when the production server starts.
const INPUT_BY_ID = new Map(PRESET_INPUTS.map((input) => [input.id, input]));
const built = new Map<string, Preset>();

export function findPreset(id: string): Preset | undefined {
  const known = built.get(id);
  if (known) return known;
  const input = INPUT_BY_ID.get(id);
  if (!input) return undefined;
  const preset = buildPreset(input);
  built.set(id, preset);
  return preset;
}

let all: readonly Preset[] | undefined;

/** Every preset, in the order the lessons and the playground list them. */
export function allPresets(): readonly Preset[] {
  all ??= PRESET_INPUTS.map((input) => findPreset(input.id) as Preset);
  return all;
}

/** The lab's users (the Basic preset's): the only credentials anyone should send here. */
export function labUsers(): { name: string; password: string; roles: string[] }[] {
  return (findPreset('basic')?.scenario.origin.users ?? []).map(({ name, password, roles }) => ({ name, password, roles }));
}
