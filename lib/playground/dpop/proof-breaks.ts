// One field of a DPoP request broken at a time, for the proof builder: what the learner picks, what the
// builder changes, and the request it sends. What the lab answers is never written here; the builder
// shows the answer that came back (its status, error code and error_description).
import type { CryptoKey, JWK } from 'jose';
import { alterSignature, draftProof, newJti, signProof, unsignedProof, type ProofDraft } from './proof-draft';

export const PROOF_BREAKS = [
  { kind: 'typ', label: 'typ: JWT instead of dpop+jwt', changes: 'The header says typ "JWT", so this is not a DPoP proof.' },
  { kind: 'alg-none', label: 'alg: none (unsigned)', changes: 'The header says alg "none" and the signature is empty.' },
  {
    kind: 'other-jwk',
    label: "jwk: another key's public key",
    changes: "The header carries a fresh key's public JWK, but your key signed the proof.",
  },
  { kind: 'htm', label: 'htm: POST', changes: 'The proof is for POST; the request is a GET.' },
  { kind: 'htu', label: 'htu: another URL', changes: 'The proof is for the whoami resource, not this one.' },
  { kind: 'iat', label: 'iat: 10 minutes ago', changes: 'The proof says it was made ten minutes ago.' },
  { kind: 'jti-reused', label: 'jti: reused (replay)', changes: 'The last proof the resource accepted, sent again unchanged.' },
  { kind: 'ath', label: 'ath: hash of another token', changes: 'ath is the hash of "another-token", not of the token sent.' },
  { kind: 'nonce-missing', label: 'nonce: left out', changes: 'The proof has no nonce claim although the resource gave one.' },
  { kind: 'nonce-made-up', label: 'nonce: made up', changes: 'The nonce is one the resource never gave.' },
  { kind: 'signature', label: 'signature: one character changed', changes: 'One character of the signature is changed.' },
  { kind: 'bearer', label: 'token as Bearer, no proof', changes: 'The DPoP-bound token goes out as Authorization: Bearer with no proof.' },
] as const;

export type ProofBreakKind = (typeof PROOF_BREAKS)[number]['kind'];

export type BreakContext = {
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** A second key's public JWK, for the swapped-jwk break. */
  otherJwk: JWK;
  accessToken: string;
  /** The resource's URL and the resource's last DPoP-Nonce. */
  resourceUrl: string;
  otherUrl: string;
  nonce: string | undefined;
  /** The last proof the resource answered 200 to, for the replay. */
  lastAccepted: string | undefined;
  /** Seconds since the epoch. */
  now: number;
};

/** The fields of the broken request: Authorization, the DPoP proof if any, and the draft it was signed from. */
export type BrokenRequest = { authorization: string; proof?: string; draft?: ProofDraft };

export async function breakRequest(kind: ProofBreakKind, context: BreakContext): Promise<BrokenRequest | { kind: 'unavailable'; reason: string }> {
  const { accessToken, privateKey } = context;
  const authorization = `DPoP ${accessToken}`;
  const base = (changes: Partial<{ htm: string; htu: string; iat: number; accessToken: string; nonce: string | undefined }> = {}) =>
    draftProof({
      publicJwk: context.publicJwk,
      htm: changes.htm ?? 'GET',
      htu: changes.htu ?? context.resourceUrl,
      iat: changes.iat ?? context.now,
      jti: newJti(),
      accessToken: changes.accessToken ?? accessToken,
      ...('nonce' in changes ? (changes.nonce === undefined ? {} : { nonce: changes.nonce }) : context.nonce === undefined ? {} : { nonce: context.nonce }),
    });
  const signed = async (draft: ProofDraft) => ({ authorization, proof: await signProof(draft, privateKey), draft });
  switch (kind) {
    case 'typ': {
      const draft = base();
      return signed({ ...draft, header: { ...draft.header, typ: 'JWT' } });
    }
    case 'alg-none': {
      const draft = base();
      return { authorization, proof: unsignedProof(draft), draft: { ...draft, header: { ...draft.header, alg: 'none' } } };
    }
    case 'other-jwk': {
      const draft = base();
      return signed({ ...draft, header: { ...draft.header, jwk: context.otherJwk } });
    }
    case 'htm':
      return signed(base({ htm: 'POST' }));
    case 'htu':
      return signed(base({ htu: context.otherUrl }));
    case 'iat':
      return signed(base({ iat: context.now - 600 }));
    case 'jti-reused':
      if (context.lastAccepted === undefined)
        return { kind: 'unavailable', reason: 'No proof has been accepted yet: call the resource until it answers 200 first.' };
      return { authorization, proof: context.lastAccepted };
    case 'ath':
      return signed(base({ accessToken: 'another-token' }));
    case 'nonce-missing':
      return signed(base({ nonce: undefined }));
    case 'nonce-made-up':
      return signed(base({ nonce: 'made-up-nonce' }));
    case 'signature': {
      const request = await signed(base());
      return { ...request, proof: alterSignature(request.proof) };
    }
    case 'bearer':
      return { authorization: `Bearer ${accessToken}` };
    default: {
      const never: never = kind;
      return never;
    }
  }
}
