import { z } from 'zod';
import { scenarioSchema, type Layer, type Scenario } from './scenario';

// Query parameters that change a preset, so a URL alone sets up an experiment:
//   /api/sandbox/digest?algorithm=SHA-512-256&qop=auth-int&user=bob&password=builder
// Every value is validated through the scenario schema after it is applied.

export const OVERRIDE_PARAMETERS = [
  'realm', 'user', 'password', 'role', 'status', 'charset', 'algorithm', 'qop', 'userhash', 'scope', 'layout',
  'nonce_lifetime', 'token_lifetime', 'proxy_realm', 'proxy_user', 'proxy_password',
] as const;

const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);
const integer = (value: string) => (/^\d{1,6}$/.test(value) ? Number(value) : Number.NaN);

function withUser(layer: Layer, name: string | null, password: string | null): Layer {
  if (name === null && password === null) return layer;
  const existing = layer.users.find((user) => user.name === (name ?? layer.users[0]?.name));
  const user = { name: name ?? existing?.name ?? 'alice', password: password ?? existing?.password ?? 'wonderland', roles: existing?.roles ?? ['reader'] };
  return { ...layer, users: [user, ...layer.users.filter((other) => other.name !== user.name)] };
}

function applyToOrigin(origin: Layer, query: URLSearchParams): unknown {
  let layer: Layer = withUser(origin, query.get('user'), query.get('password'));
  const get = (name: string) => query.get(name);
  if (get('realm') !== null) layer = { ...layer, realm: get('realm') ?? '' };
  if (get('role') !== null) layer = { ...layer, requiredRole: get('role') || undefined };
  if (get('status') !== null) layer = { ...layer, forbiddenStatus: Number(get('status')) as 403 | 404 };
  if (get('layout') !== null) layer = { ...layer, challengeLayout: get('layout') as Layer['challengeLayout'] };
  const schemes = layer.schemes.map((scheme) => {
    switch (scheme.kind) {
      case 'basic':
        return get('charset') === null ? scheme : { ...scheme, charset: get('charset') };
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
  let proxy: unknown = scenario.proxy;
  if (scenario.proxy) {
    const withProxyUser = withUser(scenario.proxy, query.get('proxy_user'), query.get('proxy_password'));
    proxy = query.get('proxy_realm') === null ? withProxyUser : { ...withProxyUser, realm: query.get('proxy_realm') };
  }
  const result = scenarioSchema.safeParse({ proxy, origin: applyToOrigin(scenario.origin, query) });
  if (result.success) return { ok: true, scenario: result.data };
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || 'scenario'}: ${issue.message}`);
  return { ok: false, message: `The query parameters do not describe a valid scenario: ${issues.join('; ')}` };
}
