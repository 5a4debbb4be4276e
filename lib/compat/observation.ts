import type { DigestAlgorithmName } from '@/lib/http-auth';
import type { NonceOrigin } from './case-nonce';

// What the lab records about one request a client sent for a case: the credentials it carried, reduced to
// their shape (never a password or a token; a Digest response hash is no secret), whether they verified
// and why not, and what the lab answered. The grader reads only this, so the same observations can come
// from an in-process test client today and from a real client's run (recorded by the run API) later.

/** Which request of the case's conversation: the first resource, after a redirect, or after nextnonce's 303. */
export const CASE_LEGS = ['first', 'redirected', 'next'] as const;
export type CaseLeg = (typeof CASE_LEGS)[number];

export type CaseCredentialsField = 'Authorization' | 'Proxy-Authorization';

/** The credentials as the lab may show them: their form, with the secret part left out. */
export type CredentialsShape =
  /** The user-id (not a secret), and how user-pass was encoded: pure ASCII fits any charset. */
  | { kind: 'basic'; userId: string; encoding: 'ascii' | 'UTF-8' | 'ISO-8859-1' }
  /** Every parameter as sent: username (or its hash), realm, nonce, uri, response, cnonce, nc, qop … */
  | { kind: 'digest'; params: Record<string, string> }
  | { kind: 'token'; length: number }
  /** An NTLM or Negotiate leg: which NTLM message the token carried. */
  | { kind: 'handshake'; message: 'negotiate' | 'authenticate' | 'other'; length: number }
  | { kind: 'other'; length: number; paramNames: string[] }
  | { kind: 'malformed'; length: number; problem: string };

/** Digest credentials as the grader compares them with an expectation. */
export type DigestFacts = { algorithm: DigestAlgorithmName | string; qop: 'auth' | 'auth-int' | 'none'; userhash: boolean; nonce: NonceOrigin };

export type CredentialsCheck =
  | { kind: 'verified'; user: string }
  /** The first leg of NTLM or Negotiate, answered with the server's CHALLENGE. */
  | { kind: 'handshake-continues' }
  /** A correct Digest response on a nonce the lab calls stale (RFC 7616 §3.3). */
  | { kind: 'stale'; detail: string }
  | { kind: 'refused'; reason: string; detail: string };

export type ObservedCredentials = {
  field: CaseCredentialsField;
  /** The scheme as the client spelled it. */
  scheme: string;
  shape: CredentialsShape;
  check: CredentialsCheck;
  /** Digest only. */
  digest?: DigestFacts;
  /** A keyed hash of the whole field value (case-nonce.ts): equal credentials, equal fingerprints. */
  fingerprint: string;
};

/** What the lab did with the request. */
export type CaseOutcome =
  | 'challenged'
  | 'proxy-challenged'
  /** 401 with stale=true: the answer was right but its nonce was not (RFC 7616 §3.3). */
  | 'stale'
  | 'granted'
  /** A 3xx the flow sends after a verified request (a redirect, or nextnonce's 303). */
  | 'redirected'
  /** 200 at the other origin after a cross-origin redirect: the lab there only records what arrived. */
  | 'landed'
  /** The Bearer token was refused (401 invalid_token or 403 insufficient_scope), as the case says. */
  | 'token-refused'
  | 'bad-request';

export type CaseObservation = {
  caseId: string;
  leg: CaseLeg;
  method: string;
  /** The request-target, only when the lab could read it as one (origin-form, visible ASCII). */
  target?: string;
  /** Every header field as sent, with the credentials and other secrets redacted (request-fields.ts). */
  fields?: Array<[name: string, value: string]>;
  authorization?: ObservedCredentials;
  proxyAuthorization?: ObservedCredentials;
  status: number;
  outcome: CaseOutcome;
  /** Why, in a sentence, for the exchange view and the grader's explanation. */
  note: string;
};
