import * as z from '@/lib/zod';
import { DIGEST_ALGORITHMS } from '@/lib/http-auth';

// A scenario describes one protected resource: who guards it (an optional proxy, then the origin),
// which schemes each offers and how, who the users are, and what an authenticated user still needs.
// Everything here may come from a query string or a playground, so every field is validated and
// everything that ends up in a header (realm, scope) is limited to characters that cannot inject one.

/** Printable ASCII only: a realm is reflected into WWW-Authenticate, so no CR, LF or other controls. */
export const realmSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(100), z.regex(/^[\x20-\x7e]+$/, 'must be printable ASCII (no control characters such as CR or LF)'));

/** RFC 6750 §3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), the lab allowing up to 64 of them. */
const SCOPE_TOKEN_MAX_LENGTH = 64;
const SCOPE_TOKEN_CHARACTERS = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * The scope-token rule without zod, for the token endpoint, which checks every token of every grant
 * (issue 23: a safeParse per token cost more than the test itself). Exactly what scopeTokenSchema accepts;
 * a test holds the two together.
 */
export function isScopeToken(text: string): boolean {
  return text.length >= 1 && text.length <= SCOPE_TOKEN_MAX_LENGTH && SCOPE_TOKEN_CHARACTERS.test(text);
}

export const scopeTokenSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(SCOPE_TOKEN_MAX_LENGTH),
    z.regex(SCOPE_TOKEN_CHARACTERS, 'must be an RFC 6750 scope token (printable ASCII, no space, quote or backslash)'),
  );

/** RFC 7617 §2: a user-id cannot contain ":" and neither part may contain control characters. */
const noControls = /^[^\x00-\x1f\x7f]*$/;
export const userSchema = z.object({
  name: z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(noControls, 'must not contain control characters'),
    z.refine((name) => !name.includes(':'), 'must not contain ":" (RFC 7617 §2)'),
  ),
  password: z.string().check(z.minLength(1), z.maxLength(128), z.regex(noControls, 'must not contain control characters')),
  roles: z._default(z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/))).check(z.maxLength(8)), []),
});
export type SandboxUser = z.infer<typeof userSchema>;

export const basicSchemeSchema = z.object({
  kind: z.literal('basic'),
  /** RFC 7617 §2.1: announce charset="UTF-8", the only value allowed, or say nothing. */
  charset: z._default(z.enum(['UTF-8', 'none']), 'UTF-8'),
});

export const bearerSchemeSchema = z.object({
  kind: z.literal('bearer'),
  /** Scopes the resource needs; a token lacking one gets 403 insufficient_scope (RFC 6750 §3.1). */
  requiredScope: z._default(z.array(scopeTokenSchema).check(z.maxLength(8)), []),
  /** Lifetime of tokens the sandbox's token endpoint issues for this scenario. */
  tokenLifetimeSeconds: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(86_400)), 300),
});

export const digestSchemeSchema = z.object({
  kind: z.literal('digest'),
  /** One challenge per algorithm, in this order (RFC 7616 §3.7: preferred first). */
  algorithms: z._default(z.array(z.enum(DIGEST_ALGORITHMS as [string, ...string[]])).check(z.minLength(1), z.maxLength(6)), ['SHA-256', 'MD5']),
  qop: z._default(z.array(z.enum(['auth', 'auth-int'])).check(z.minLength(1), z.maxLength(2)), ['auth']),
  userhash: z._default(z.boolean(), false),
  charset: z._default(z.boolean(), true),
  /** After this, a correct answer with an old nonce gets stale=true (RFC 7616 §3.3). */
  nonceLifetimeSeconds: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(3_600)), 300),
});

/**
 * NTLM (Microsoft's MS-NLMP) and Negotiate (RFC 4559) authenticate the connection, not the request: the
 * handshake's state lives beside the socket (engine/connection.ts). Only NTLM v2 is accepted; Negotiate
 * takes NTLM raw or inside SPNEGO, and explains a Kerberos token (the lab has no KDC).
 */
export const ntlmSchemeSchema = z.object({ kind: z.literal('ntlm') });
export const negotiateSchemeSchema = z.object({ kind: z.literal('negotiate') });

export const schemeSchema = z.discriminatedUnion('kind', [basicSchemeSchema, bearerSchemeSchema, digestSchemeSchema, ntlmSchemeSchema, negotiateSchemeSchema]);
export type SchemeConfig = z.infer<typeof schemeSchema>;
export type SchemeKind = SchemeConfig['kind'];

/** Each scheme as its challenges spell it (RFC 9110 §11.1: compared case-insensitively). */
export const SCHEME_NAMES: Record<SchemeKind, string> = { basic: 'Basic', bearer: 'Bearer', digest: 'Digest', ntlm: 'NTLM', negotiate: 'Negotiate' };

export const layerSchema = z
  .object({
    realm: realmSchema,
    schemes: z.array(schemeSchema).check(z.minLength(1), z.maxLength(5)),
    /** Several challenges on one field line, or one field line each (RFC 9110 §11.6.1). */
    challengeLayout: z._default(z.enum(['one-line', 'several-lines']), 'several-lines'),
    users: z.array(userSchema).check(z.minLength(1), z.maxLength(8)),
    /** A role the authenticated user must hold; without it the request is refused (403 or 404). */
    requiredRole: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/))),
    /** RFC 9110 §15.5.4: a server MAY answer 404 to hide a forbidden resource. */
    forbiddenStatus: z._default(z.union([z.literal(403), z.literal(404)]), 403),
  })
  .check(
    z.refine((layer) => new Set(layer.schemes.map((s) => s.kind)).size === layer.schemes.length, 'each scheme may be offered once'),
    z.refine((layer) => new Set(layer.users.map((u) => u.name)).size === layer.users.length, 'user names must be unique'),
  );
export type Layer = z.infer<typeof layerSchema>;

export const scenarioSchema = z.object({
  /** The proxy hop, if any: challenges with 407 / Proxy-Authenticate (RFC 9110 §15.5.8). */
  proxy: z.optional(layerSchema),
  origin: layerSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export function findScheme<K extends SchemeKind>(layer: Layer, kind: K): Extract<SchemeConfig, { kind: K }> | undefined {
  return layer.schemes.find((scheme): scheme is Extract<SchemeConfig, { kind: K }> => scheme.kind === kind);
}
