import {
  basicChallenge,
  bearerChallenge,
  createDigestNonce,
  digestChallenge,
  encodeBase64,
  formatChallenge,
  formatChallenges,
  negotiateChallenge,
  ntlmChallenge,
  type Challenge,
  type DigestAlgorithmName,
  type DigestQop,
} from '@/lib/http-auth';
import type { SandboxContext } from '../context';
import type { HeaderList } from '../message';
import type { Layer, SchemeConfig } from '../scenario/scenario';
import type { ChallengeHint } from './schemes/outcome';
import type { Hop } from './trace';

/** RFC 7616 §3.3 leaves the nonce's make-up to the server: the lab's takes 12 random bytes (lib/http-auth). */
export const NONCE_RANDOM_BYTES = 12;

/** A fresh Digest nonce for one response: time, random bytes and their HMAC (lib/http-auth, RFC 7616 §3.3). */
export function freshNonce(ctx: SandboxContext): string {
  return createDigestNonce({ secret: ctx.secret, now: ctx.now(), random: ctx.random(NONCE_RANDOM_BYTES) });
}

function schemeChallenges(scheme: SchemeConfig, layer: Layer, hint: ChallengeHint, nonce: () => string): Challenge[] {
  switch (scheme.kind) {
    case 'basic':
      return [basicChallenge({ realm: layer.realm, charset: scheme.charset === 'UTF-8' ? 'UTF-8' : undefined })];
    case 'bearer':
      // RFC 6750 §3: never a bare "Bearer"; the realm is always there, the error only after a token was refused.
      return [
        hint.kind === 'bearer-invalid-token'
          ? bearerChallenge({ realm: layer.realm, error: 'invalid_token', errorDescription: hint.description })
          : bearerChallenge({ realm: layer.realm, scope: scheme.requiredScope.length > 0 ? scheme.requiredScope : undefined }),
      ];
    case 'digest': {
      // One challenge per algorithm, preferred first (RFC 7616 §3.7), all sharing one fresh nonce.
      const shared = nonce();
      const opaque = encodeBase64(new TextEncoder().encode(layer.realm)).replace(/=+$/, '');
      return scheme.algorithms.map((algorithm) =>
        digestChallenge({
          realm: layer.realm,
          nonce: shared,
          opaque,
          algorithm: algorithm as DigestAlgorithmName,
          qop: scheme.qop as DigestQop[],
          stale: hint.kind === 'digest-stale',
          charset: scheme.charset ? 'UTF-8' : undefined,
          userhash: scheme.userhash || undefined,
        }),
      );
    }
    // Bare: the server's token comes only in the second leg (challengeHeaders), alone on its field.
    case 'ntlm':
      return [ntlmChallenge()];
    case 'negotiate':
      return [negotiateChallenge()];
    default: {
      const never: never = scheme;
      return never;
    }
  }
}

/** One nonce for a whole response, made only if a Digest challenge asks for it. */
function sharedNonce(ctx: SandboxContext): () => string {
  let nonce: string | undefined;
  return () => (nonce ??= freshNonce(ctx));
}

export function layerChallenges(layer: Layer, hint: ChallengeHint, ctx: SandboxContext): Challenge[] {
  const nonce = sharedNonce(ctx);
  return layer.schemes.flatMap((scheme) => schemeChallenges(scheme, layer, hint, nonce));
}

/** WWW-Authenticate for the origin, Proxy-Authenticate for a proxy (RFC 9110 §11.6.1, §11.7.1). */
export function challengeField(hop: Hop): 'WWW-Authenticate' | 'Proxy-Authenticate' {
  return hop === 'proxy' ? 'Proxy-Authenticate' : 'WWW-Authenticate';
}

export function credentialsField(hop: Hop): 'Authorization' | 'Proxy-Authorization' {
  return hop === 'proxy' ? 'Proxy-Authorization' : 'Authorization';
}

function formatHeaders(hop: Hop, layer: Layer, hint: ChallengeHint, nonce: () => string): HeaderList {
  const challenges = layer.schemes.flatMap((scheme) => schemeChallenges(scheme, layer, hint, nonce));
  const field = challengeField(hop);
  return layer.challengeLayout === 'one-line'
    ? [[field, formatChallenges(challenges)]]
    : challenges.map((challenge): [string, string] => [field, formatChallenge(challenge)]);
}

// The plain challenge of a layer without Digest never changes (no nonce, no error to report), so it
// is formatted once per layer and hop: the first 401 is the sandbox's hottest path. Layers from
// presets live for the process; ones built from a query string are collected with their entry.
const plainHeaders = new WeakMap<Layer, Partial<Record<Hop, HeaderList>>>();

/** Is this challenge the same on every response (no Digest nonce, nothing to report)? */
export function isPlainChallenge(layer: Layer, hint: ChallengeHint): boolean {
  return hint.kind === 'none' && !layer.schemes.some((scheme) => scheme.kind === 'digest');
}

/**
 * A Digest layer's challenges differ from one response to the next only in the nonce (and stale=true after a
 * stale one): each field line is formatted once per layer, hop and hint with a stand-in nonce and kept as
 * the pieces around it. A fresh nonce is base64 (RFC 4648 §4), which a quoted-string takes as it is
 * (RFC 9110 §5.6.4), so joining the pieces with it gives the bytes formatting would.
 */
type DigestTemplate = Array<[field: string, pieces: string[]]>;
type TemplateHint = 'none' | 'digest-stale';
const digestTemplates = new WeakMap<Layer, Partial<Record<`${Hop} ${TemplateHint}`, DigestTemplate | 'unusable'>>>();
/** Base64 characters, unlike any nonce the lab makes (those are 48 characters long). */
const STAND_IN_NONCE = 'NoNcEsTaNdIn0';

function digestTemplate(hop: Hop, layer: Layer, hint: TemplateHint): DigestTemplate | undefined {
  let byKey = digestTemplates.get(layer);
  if (!byKey) digestTemplates.set(layer, (byKey = {}));
  const key = `${hop} ${hint}` as const;
  let template = byKey[key];
  if (!template) {
    const lines = formatHeaders(hop, layer, { kind: hint }, () => STAND_IN_NONCE).map(([field, value]): [string, string[]] => [
      field,
      value.split(STAND_IN_NONCE),
    ]);
    // Exactly one stand-in per Digest challenge: a realm that happened to contain it would break the pieces.
    const total = lines.reduce((sum, [, pieces]) => sum + pieces.length - 1, 0);
    const expected = layer.schemes.reduce((sum, scheme) => sum + (scheme.kind === 'digest' ? scheme.algorithms.length : 0), 0);
    template = byKey[key] = expected > 0 && total === expected ? lines : 'unusable';
  }
  return template === 'unusable' ? undefined : template;
}

/** The challenge header fields: one field line per challenge, or all on one line (RFC 9110 §11.6.1). */
export function challengeHeaders(hop: Hop, layer: Layer, hint: ChallengeHint, ctx: SandboxContext): HeaderList {
  // NTLM's second leg carries one challenge only, the scheme with the server's token (MS-NTHT §2.2.2).
  if (hint.kind === 'connection-challenge') return [[challengeField(hop), `${hint.scheme} ${hint.token}`]];
  if (!isPlainChallenge(layer, hint)) {
    const template = hint.kind === 'none' || hint.kind === 'digest-stale' ? digestTemplate(hop, layer, hint.kind) : undefined;
    if (!template) return formatHeaders(hop, layer, hint, sharedNonce(ctx));
    const nonce = freshNonce(ctx);
    return template.map(([field, pieces]): [string, string] => [field, pieces.join(nonce)]);
  }
  let byHop = plainHeaders.get(layer);
  if (!byHop) plainHeaders.set(layer, (byHop = {}));
  const headers = (byHop[hop] ??= formatHeaders(hop, layer, hint, sharedNonce(ctx)));
  return headers.map(([name, value]): [string, string] => [name, value]);
}
