import { listItems as list, overrideProblems } from './override-checks';
import { scenarioSchema, type Layer, type Scenario, type SchemeConfig } from './scenario';

// Query parameters that change a preset, so a URL alone sets up an experiment:
//   /api/sandbox/digest?algorithm=SHA-512-256&qop=auth-int&user=bob&password=builder
// Each value is checked on its own first (override-checks.ts: a refusal in plain words, naming the
// parameter), then the scenario they make is validated through the scenario schema.

export const OVERRIDE_PARAMETERS = [
  'realm',
  'user',
  'password',
  'role',
  'status',
  'charset',
  'algorithm',
  'qop',
  'userhash',
  'scope',
  'layout',
  'nonce_lifetime',
  'token_lifetime',
  'schemes',
  'proxy',
  'proxy_realm',
  'proxy_user',
  'proxy_password',
] as const;

const SCHEME_DEFAULTS: Record<string, SchemeConfig> = {
  basic: { kind: 'basic', charset: 'UTF-8' },
  bearer: { kind: 'bearer', requiredScope: [], tokenLifetimeSeconds: 300 },
  digest: { kind: 'digest', algorithms: ['SHA-256', 'MD5'], qop: ['auth'], userhash: false, charset: true, nonceLifetimeSeconds: 300 },
  ntlm: { kind: 'ntlm' },
  negotiate: { kind: 'negotiate' },
};

/** schemes=digest,basic picks and orders the schemes offered, keeping each one's settings where it had them. */
function withSchemes(layer: Layer, value: string | null): Layer {
  if (value === null) return layer;
  const kinds = list(value.toLowerCase());
  const schemes = kinds.map((kind) => layer.schemes.find((scheme) => scheme.kind === kind) ?? SCHEME_DEFAULTS[kind]);
  return { ...layer, schemes: schemes as SchemeConfig[] };
}

/** proxy=none removes the proxy hop; proxy=basic|digest|ntlm|negotiate puts one (realm corp-proxy, user alice) in front. */
function withProxy(scenario: Scenario, value: string | null): Layer | undefined {
  if (value === null) return scenario.proxy;
  if (value === 'none') return undefined;
  const scheme = SCHEME_DEFAULTS[value] as SchemeConfig;
  const users = scenario.proxy?.users ?? [{ name: 'alice', password: 'wonderland', roles: [] }];
  return { realm: scenario.proxy?.realm ?? 'corp-proxy', schemes: [scheme], challengeLayout: 'several-lines', users, forbiddenStatus: 403 };
}

const integer = (value: string) => (/^\d{1,6}$/.test(value) ? Number(value) : Number.NaN);

function withUser(layer: Layer, name: string | null, password: string | null): Layer {
  if (name === null && password === null) return layer;
  const existing = layer.users.find((user) => user.name === (name ?? layer.users[0]?.name));
  const user = { name: name ?? existing?.name ?? 'alice', password: password ?? existing?.password ?? 'wonderland', roles: existing?.roles ?? ['reader'] };
  return { ...layer, users: [user, ...layer.users.filter((other) => other.name !== user.name)] };
}

function applyToOrigin(origin: Layer, query: URLSearchParams): unknown {
  let layer: Layer = withUser(withSchemes(origin, query.get('schemes')), query.get('user'), query.get('password'));
  const get = (name: string) => query.get(name);
  if (get('realm') !== null) layer = { ...layer, realm: get('realm') ?? '' };
  if (get('role') !== null) layer = { ...layer, requiredRole: get('role') || undefined };
  if (get('status') !== null) layer = { ...layer, forbiddenStatus: Number(get('status')) as 403 | 404 };
  if (get('layout') !== null) layer = { ...layer, challengeLayout: get('layout') as Layer['challengeLayout'] };
  const schemes = layer.schemes.map((scheme) => {
    switch (scheme.kind) {
      case 'basic':
        return get('charset') === null ? scheme : { ...scheme, charset: get('charset')?.toUpperCase() === 'UTF-8' ? 'UTF-8' : get('charset') };
      case 'bearer':
        return {
          ...scheme,
          ...(get('scope') !== null ? { requiredScope: list(get('scope') ?? '') } : {}),
          ...(get('token_lifetime') !== null ? { tokenLifetimeSeconds: integer(get('token_lifetime') ?? '') } : {}),
        };
      case 'digest':
        return {
          ...scheme,
          ...(get('algorithm') !== null ? { algorithms: list(get('algorithm') ?? '') } : {}),
          ...(get('qop') !== null ? { qop: list(get('qop') ?? '') } : {}),
          ...(get('userhash') !== null ? { userhash: get('userhash') === 'true' ? true : get('userhash') === 'false' ? false : get('userhash') } : {}),
          ...(get('charset') !== null ? { charset: get('charset')?.toUpperCase() === 'UTF-8' } : {}),
          ...(get('nonce_lifetime') !== null ? { nonceLifetimeSeconds: integer(get('nonce_lifetime') ?? '') } : {}),
        };
      case 'ntlm':
      case 'negotiate':
        return scheme;
      default: {
        const never: never = scheme;
        return never;
      }
    }
  });
  return { ...layer, schemes };
}

export type OverrideResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Applies the query's overrides to a preset's scenario; a bad value is a readable error, never a throw. */
export function applyOverrides(scenario: Scenario, query: URLSearchParams): OverrideResult {
  // The common case (a bare preset URL) needs no re-validation: presets are validated once at load.
  if (!OVERRIDE_PARAMETERS.some((name) => query.has(name))) return { ok: true, scenario };
  // Passing OVERRIDE_PARAMETERS type-checks that every override has its words in OVERRIDE_CHECKS.
  const problems = overrideProblems(query, OVERRIDE_PARAMETERS);
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  const hop = withProxy(scenario, query.get('proxy'));
  let proxy: unknown = hop;
  if (hop) {
    const withProxyUser = withUser(hop, query.get('proxy_user'), query.get('proxy_password'));
    proxy = query.get('proxy_realm') === null ? withProxyUser : { ...withProxyUser, realm: query.get('proxy_realm') };
  }
  const origin = applyToOrigin(scenario.origin, query);
  const result = scenarioSchema.safeParse({ proxy, origin });
  if (result.success) return { ok: true, scenario: result.data };
  // Only a value the checks above let through yet the scenario refuses gets here: a bug in the checks.
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || 'scenario'}: ${issue.message}`);
  return { ok: false, message: `The query parameters do not describe a valid scenario: ${issues.join('; ')}` };
}
