// DPoP at the lab (RFC 9449): how its token endpoint and its resources check a proof. lib/http-auth checks the
// proof itself (§4.3); this adds what needs the server: its nonces (§8, §9), signed and time-limited so any
// instance accepts any instance's without a shared store, and the replay check of `jti` (§11.1), kept in the
// sandbox's store like Digest's nc (per instance, or shared through Redis when REDIS_URL is set).
import { checkDpopProof, readDpopHeader, type DpopProofValid } from '@/lib/http-auth';
import type { HeaderList } from '../message';
import type { OnceStore } from '../store/store';
import { openArtifact, sealArtifact } from './signed-artifact';

/** The proof algorithms the lab accepts (§4.3 step 5), listed in `algs` and in both metadata documents. */
export const LAB_DPOP_ALGS = ['ES256', 'ES384', 'EdDSA', 'Ed25519', 'PS256', 'RS256'] as const;

/** How old a proof may be (§11.1: "seconds or minutes"), and so how long its jti is remembered. */
export const DPOP_PROOF_MAX_AGE_SECONDS = 60;
/** How long a nonce the lab gave stays good; after that the answer is use_dpop_nonce with a fresh one (§8.2). */
export const DPOP_NONCE_LIFETIME_SECONDS = 300;

/** Who gave the nonce: the authorization server (§8) and the resources (§9) keep theirs apart. */
export type NonceIssuer = 'token-endpoint' | 'resource';

/** Proofs already seen, by key thumbprint and jti, until they could no longer be accepted anyway; bounded. */
export type SeenProofs = Pick<OnceStore, 'claim'>;

export type ProofAtLab = { kind: 'valid'; proof: DpopProofValid } | { kind: 'use-nonce'; description: string } | { kind: 'invalid'; description: string };

export type ProofCheckSetting = {
  method: string;
  /** The request's URL as the lab answers it (origin and path, §4.3 step 9). */
  url: string;
  secret: Uint8Array;
  now: number;
  seen: SeenProofs;
  /** Whose nonce the proof must carry, if any. */
  nonce?: NonceIssuer;
  /** At a resource: the token the proof comes with, and the key it is bound to (§4.3 step 12). */
  accessToken?: string;
  expectedJkt?: string;
};

export function issueDpopNonce(issuer: NonceIssuer, options: { secret: Uint8Array; now: number }): Promise<string> {
  return sealArtifact('dpop-nonce', { use: issuer }, { ...options, lifetimeSeconds: DPOP_NONCE_LIFETIME_SECONDS });
}

/** The DPoP-Nonce field to send with an answer (§8, §9). */
export async function dpopNonceField(issuer: NonceIssuer, options: { secret: Uint8Array; now: number }): Promise<HeaderList> {
  return [['DPoP-Nonce', await issueDpopNonce(issuer, options)]];
}

async function nonceProblem(nonce: string | undefined, issuer: NonceIssuer, options: { secret: Uint8Array; now: number }): Promise<string | undefined> {
  if (nonce === undefined) return `This server wants a nonce in every DPoP proof: use the one in DPoP-Nonce (RFC 9449 §${issuer === 'resource' ? '9' : '8'}).`;
  const opened = await openArtifact('dpop-nonce', nonce, options);
  if (opened.kind === 'expired') return 'The nonce in the proof has expired: use the fresh one in DPoP-Nonce (RFC 9449 §8.2).';
  if (opened.kind !== 'ok' || opened.claims.use !== issuer)
    return `The nonce in the proof is not one this ${issuer === 'resource' ? 'resource' : 'token endpoint'} gave: use the one in DPoP-Nonce.`;
  return undefined;
}

/** Checks the request's DPoP proof as `setting` says; records its jti when it is accepted. */
export async function checkProofAtLab(headers: HeaderList, setting: ProofCheckSetting): Promise<ProofAtLab> {
  const field = readDpopHeader(headers);
  switch (field.kind) {
    case 'none':
      return { kind: 'invalid', description: 'No DPoP proof: send a DPoP header field with a proof JWT for this request (RFC 9449 §4.1).' };
    case 'several':
      return { kind: 'invalid', description: `${field.count} DPoP proofs: send exactly one (RFC 9449 §4.3 step 1).` };
    case 'one':
      break;
    default: {
      const never: never = field;
      return never;
    }
  }
  const check = await checkDpopProof(field.proof, {
    method: setting.method,
    url: setting.url,
    now: setting.now,
    allowedAlgs: LAB_DPOP_ALGS,
    maxAgeSeconds: DPOP_PROOF_MAX_AGE_SECONDS,
    ...(setting.accessToken === undefined ? {} : { accessToken: setting.accessToken }),
    ...(setting.expectedJkt === undefined ? {} : { expectedJkt: setting.expectedJkt }),
  });
  if (check.kind !== 'valid') return { kind: 'invalid', description: check.message };
  if (setting.nonce !== undefined) {
    const problem = await nonceProblem(check.nonce, setting.nonce, setting);
    if (problem !== undefined) return { kind: 'use-nonce', description: problem };
  }
  // §11.1: a proof is good once. Keyed by the key as well, so two clients' jti cannot collide.
  const seenKey = `${check.jkt} ${check.jti}`;
  if (!(await setting.seen.claim('dpop-proof', seenKey, (check.iat + DPOP_PROOF_MAX_AGE_SECONDS + 60) * 1000)))
    return { kind: 'invalid', description: 'This proof was used before (its jti was seen): make a new proof for every request (RFC 9449 §11.1).' };
  return { kind: 'valid', proof: check };
}
