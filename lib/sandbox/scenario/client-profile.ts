import * as z from '@/lib/zod';
import { scopeTokenSchema } from './scenario';

// What the simulated client holds in the playground's auto mode: a password, a token, or nothing,
// for the origin and for the proxy. The sandbox mints tokens at run time (they are signed with the
// secret), so a profile names the kind of token, not the token itself.

const secretText = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[^\x00-\x1f\x7f]*$/, 'must not contain control characters'));

export const heldSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('password'),
    user: secretText,
    password: secretText,
    /** How the client encodes Basic credentials; ISO-8859-1 shows what legacy clients do (RFC 7617 §2.1). */
    charset: z._default(z.enum(['UTF-8', 'ISO-8859-1']), 'UTF-8'),
  }),
  z.object({
    kind: z.literal('token'),
    /** valid: freshly issued; expired: issued long ago; forged: signed with another key; garbage: not a JWT. */
    token: z.enum(['valid', 'expired', 'forged', 'garbage']),
    subject: z._default(secretText, 'alice'),
    scope: z._default(z.array(scopeTokenSchema).check(z.maxLength(8)), []),
  }),
]);
export type HeldSecret = z.infer<typeof heldSecretSchema>;

/** The token a "garbage" profile holds: not a JWT at all, so no server could have issued it. */
export const GARBAGE_TOKEN = 'not-a-token-this-server-issued';

export const CONNECTION_MODES = ['keep-alive', 'new-per-request'] as const;
export type ConnectionMode = (typeof CONNECTION_MODES)[number];

export const clientProfileSchema = z.object({
  origin: z._default(heldSecretSchema, { kind: 'none' }),
  proxy: z._default(heldSecretSchema, { kind: 'none' }),
  /** The client first answers with a nonce it kept from earlier, which has gone stale (RFC 7616 §3.3). */
  staleNonceFirst: z._default(z.boolean(), false),
  /**
   * keep-alive: every request on the connection the first one opened (HTTP/1.1's default, RFC 9112 §9.3).
   * new-per-request: a new connection for each request, as a client or load balancer that does not keep
   * them; NTLM and Negotiate then never finish, their handshake being bound to one connection (MS-NLMP §3.1.5).
   */
  connections: z._default(z.enum(CONNECTION_MODES), 'keep-alive'),
});
export type ClientProfile = z.infer<typeof clientProfileSchema>;
