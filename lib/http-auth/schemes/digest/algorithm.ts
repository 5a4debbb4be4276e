import { hashHex, type HashName } from '../../bytes/hashes';

// RFC 7616 §3.3 and the IANA "HTTP Digest Algorithm Values" registry: three hashes, each with a
// session variant. Anything else is unknown, and a client ignores the challenge that names it.

export type DigestHash = HashName;
export type DigestAlgorithmName = DigestHash | `${DigestHash}-sess`;
export type DigestAlgorithm = { name: DigestAlgorithmName; hash: DigestHash; session: boolean };

export const DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess', 'SHA-512-256', 'SHA-512-256-sess'];

/** RFC 7616 §3.3: algorithm values compare case-insensitively; absent means MD5. */
export function digestAlgorithm(value: string | undefined): DigestAlgorithm | undefined {
  if (value === undefined) return { name: 'MD5', hash: 'MD5', session: false };
  const upper = value.toUpperCase();
  const name = DIGEST_ALGORITHMS.find((a) => a.toUpperCase() === upper);
  if (name === undefined) return undefined;
  const session = name.endsWith('-sess');
  return { name, hash: (session ? name.slice(0, -'-sess'.length) : name) as DigestHash, session };
}

/** RFC 7616 §3.4.2: H(data) is the lower-case hex of the hash of the data's octets. */
export function digestHex(hash: DigestHash, data: string | Uint8Array): string {
  return hashHex(hash, data);
}
