import type { CredentialsField } from '@/lib/playground/header-fields';

// The contract every credential helper shares, so the playground can mount the same helpers for the
// origin (Authorization) and for the proxy hop (Proxy-Authorization, RFC 9110 §11.7.2).

export type HelperProps = {
  /** Which header the helper writes. */
  field: CredentialsField;
  /** Puts `value` into that header of the request being built. */
  onApply: (value: string) => void;
  /** The last response's WWW-Authenticate (or Proxy-Authenticate) field values, one per line; possibly []. */
  challenges: string[];
  /** The request being built: Digest hashes the method, the request-target and (auth-int) the body. */
  method: string;
  target: string;
  body: string;
};

/** The header a helper answers: a 401 challenges in WWW-Authenticate, a 407 in Proxy-Authenticate. */
export function challengeFieldAnsweredBy(field: CredentialsField): 'WWW-Authenticate' | 'Proxy-Authenticate' {
  return field === 'Authorization' ? 'WWW-Authenticate' : 'Proxy-Authenticate';
}
