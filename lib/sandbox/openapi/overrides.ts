import type { SandboxRoute } from '../routes/route';
import { OVERRIDE_PARAMETERS } from '../scenario/overrides';
import { findPreset } from '../scenario/presets';
import {
  basicSchemeSchema,
  bearerSchemeSchema,
  digestSchemeSchema,
  layerSchema,
  realmSchema,
  userSchema,
  type Scenario,
  type SchemeKind,
} from '../scenario/scenario';
import { jsonSchema, SCHEME_NAMES } from './refs';
import type { JsonSchema, ParameterObject } from './types';

// The query overrides every scenario URL takes (scenario/overrides.ts), as documentation: what each
// changes, and on which routes it acts as they are.

type OverrideName = (typeof OVERRIDE_PARAMETERS)[number];
/** What an override changes: the origin, one of its schemes, or the proxy in front of it. */
export type OverrideTarget = 'origin' | SchemeKind | 'proxy';
type OverrideDoc = { targets: OverrideTarget[]; description: string; schema: JsonSchema; example: unknown };

/** Typed over OVERRIDE_PARAMETERS: a new override does not compile until it is documented here. */
export const OVERRIDE_DOCS: Record<OverrideName, OverrideDoc> = {
  realm: {
    targets: ['origin'],
    description: 'The realm the origin names in its challenges (printable ASCII).',
    schema: jsonSchema(realmSchema),
    example: 'staff',
  },
  user: {
    targets: ['origin'],
    description: 'A user name the origin accepts, added first (with password, or the existing password).',
    schema: jsonSchema(userSchema.shape.name),
    example: 'carol',
  },
  password: {
    targets: ['origin'],
    description: 'The password of that user (or of the first user when user is absent).',
    schema: jsonSchema(userSchema.shape.password),
    example: 'looking-glass',
  },
  role: {
    targets: ['origin'],
    description: 'A role an authenticated user must hold: alice is a reader, bob a reader and an editor. Without it: 403, or 404 with status=404.',
    schema: jsonSchema(layerSchema.shape.requiredRole),
    example: 'editor',
  },
  status: {
    targets: ['origin'],
    description: 'How an authenticated user who is not permitted is refused: 403, or 404 to hide that the resource exists (RFC 9110 §15.5.4).',
    schema: jsonSchema(layerSchema.shape.forbiddenStatus),
    example: 404,
  },
  charset: {
    targets: ['basic', 'digest'],
    description: 'Whether the challenge says charset="UTF-8" (RFC 7617 §2.1, RFC 7616 §3.3): UTF-8, or none to leave it out.',
    schema: jsonSchema(basicSchemeSchema.shape.charset),
    example: 'none',
  },
  algorithm: {
    targets: ['digest'],
    description: 'Digest algorithms, one challenge each, preferred first (RFC 7616 §3.7), comma-separated.',
    schema: jsonSchema(digestSchemeSchema.shape.algorithms),
    example: ['SHA-256'],
  },
  qop: {
    targets: ['digest'],
    description: 'Quality of protection offered: auth, auth-int (the body is hashed too), or both, comma-separated.',
    schema: jsonSchema(digestSchemeSchema.shape.qop),
    example: ['auth-int'],
  },
  userhash: {
    targets: ['digest'],
    description: 'Ask the client to send a hash of the user name instead of the name (RFC 7616 §3.4.4).',
    schema: jsonSchema(digestSchemeSchema.shape.userhash),
    example: true,
  },
  scope: {
    targets: ['bearer'],
    description:
      'Scopes a token must carry, comma- or space-separated; a token without one gets 403 insufficient_scope (RFC 6750 §3.1). Empty: any valid token.',
    schema: jsonSchema(bearerSchemeSchema.shape.requiredScope),
    example: ['read', 'write'],
  },
  layout: {
    targets: ['origin'],
    description: 'Several challenges on one field line, or one field line each (RFC 9110 §11.6.1).',
    schema: jsonSchema(layerSchema.shape.challengeLayout),
    example: 'one-line',
  },
  nonce_lifetime: {
    targets: ['digest'],
    description: 'Seconds a Digest nonce stays fresh; a correct answer with an older one gets 401 with stale=true (RFC 7616 §3.3).',
    schema: jsonSchema(digestSchemeSchema.shape.nonceLifetimeSeconds),
    example: 10,
  },
  token_lifetime: {
    targets: ['bearer'],
    description:
      "Lifetime in seconds of the tokens the playground's auto client is issued for this scenario. A token carries its own expiry; at POST /api/sandbox/token choose it with expires_in.",
    schema: jsonSchema(bearerSchemeSchema.shape.tokenLifetimeSeconds),
    example: 60,
  },
  schemes: {
    targets: ['origin'],
    description: "Which schemes the origin offers, in order, comma-separated; each keeps the scenario's settings where it had them.",
    schema: { type: 'array', items: { type: 'string', enum: Object.keys(SCHEME_NAMES) }, minItems: 1, maxItems: 3 },
    example: ['digest', 'basic'],
  },
  proxy: {
    targets: ['origin'],
    description: 'none removes the proxy hop; basic or digest puts a proxy in front (realm corp-proxy, user alice unless the scenario has its own).',
    schema: { type: 'string', enum: ['none', 'basic', 'digest'] },
    example: 'basic',
  },
  proxy_realm: { targets: ['proxy'], description: 'The realm the proxy names in Proxy-Authenticate.', schema: jsonSchema(realmSchema), example: 'gateway' },
  proxy_user: { targets: ['proxy'], description: 'A user name the proxy accepts.', schema: jsonSchema(userSchema.shape.name), example: 'bob' },
  proxy_password: { targets: ['proxy'], description: 'The password of that proxy user.', schema: jsonSchema(userSchema.shape.password), example: 'builder' },
};

function applies(target: OverrideTarget, scenario: Scenario): boolean {
  if (target === 'origin') return true;
  if (target === 'proxy') return scenario.proxy !== undefined;
  return scenario.origin.schemes.some((scheme) => scheme.kind === target);
}

export type OverrideReach = { target: OverrideTarget; defaultPaths: string[]; elsewhere?: string };

/** Where an override acts without help (the routes of one fixed preset), and what makes it act elsewhere (schemes=, proxy=). */
export function overrideReach(name: OverrideName, routes: readonly SandboxRoute[]): OverrideReach[] {
  return OVERRIDE_DOCS[name].targets.map((target) => {
    const defaultPaths = routes.flatMap((route) => {
      if (route.kind !== 'scenario' || route.preset.kind !== 'fixed') return [];
      const preset = findPreset(route.preset.id);
      return preset && applies(target, preset.scenario) ? [route.path] : [];
    });
    const elsewhere = target === 'origin' ? undefined : target === 'proxy' ? 'proxy=basic' : `schemes=${target}`;
    return { target, defaultPaths, ...(elsewhere ? { elsewhere } : {}) };
  });
}

/** "Acts on every scenario." or "Acts where the origin offers Digest: /api/sandbox/digest …; elsewhere add schemes=digest." */
export function reachText(reach: OverrideReach): string {
  if (reach.target === 'origin') return 'Acts on every scenario.';
  const where = reach.target === 'proxy' ? 'there is a proxy' : `the origin offers ${SCHEME_NAMES[reach.target]}`;
  return `Acts where ${where}: ${reach.defaultPaths.join(', ')} and the presets like ${reach.defaultPaths.length > 1 ? 'them' : 'it'}; elsewhere add ${reach.elsewhere}.`;
}

/** Every scenario URL takes every override: schemes= and proxy= can bring in any scheme or a proxy. */
export function overrideParameters(routes: readonly SandboxRoute[]): ParameterObject[] {
  return OVERRIDE_PARAMETERS.map((name) => {
    const { description, schema, example } = OVERRIDE_DOCS[name];
    const reach = overrideReach(name, routes).map(reachText).join(' ');
    // style=form, explode=false is exactly "algorithm=SHA-256,MD5".
    const list = schema.type === 'array' ? { style: 'form' as const, explode: false } : {};
    return { name, in: 'query', description: `${description} ${reach}`, required: false, schema, ...list, example };
  });
}
