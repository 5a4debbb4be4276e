import { failure, success } from '../../diagnostic';
import { diagnostic } from '../../diagnostic';
import { getParam } from '../../params';
import type { Challenge, Diagnostic, ParseResult } from '../../types';
import { type DigestAlgorithm, type DigestAlgorithmName, digestAlgorithm } from './algorithm';
import type { DigestQop } from './compute';

// RFC 7616 §3.3: the Digest challenge, built by a server and read by a client.

export type DigestChallengeOptions = {
  realm: string;
  nonce: string;
  domain?: readonly string[];
  opaque?: string;
  stale?: boolean;
  algorithm?: DigestAlgorithmName;
  /** Defaults to ["auth"]: RFC 7616 §3.3 makes qop mandatory for servers. */
  qop?: readonly DigestQop[];
  charset?: 'UTF-8';
  userhash?: boolean;
};

/** Parameter order follows the RFC 7616 §3.9 examples. */
export function digestChallenge(o: DigestChallengeOptions): Challenge {
  const params: Record<string, string> = { realm: o.realm };
  if (o.domain && o.domain.length > 0) params.domain = o.domain.join(' ');
  params.qop = (o.qop ?? ['auth']).join(', ');
  params.algorithm = o.algorithm ?? 'MD5';
  params.nonce = o.nonce;
  if (o.opaque !== undefined) params.opaque = o.opaque;
  if (o.stale) params.stale = 'true';
  if (o.charset) params.charset = o.charset;
  if (o.userhash) params.userhash = 'true';
  return { scheme: 'Digest', params };
}

/** A Digest challenge as a client uses it. */
export type DigestChallenge = {
  realm: string;
  nonce: string;
  domain: string[];
  opaque?: string;
  stale: boolean;
  algorithm: DigestAlgorithm;
  /** Empty for a legacy (RFC 2069) challenge without qop. */
  qop: DigestQop[];
  charset?: 'UTF-8';
  userhash: boolean;
};

const isTrue = (v: string | undefined) => v?.toLowerCase() === 'true';

/**
 * Reads a parsed challenge. RFC 7616 §3.3: an unknown algorithm means the client ignores the challenge,
 * and so do unknown qop values; only when none is left is the challenge unusable.
 */
export function readDigestChallenge(c: Challenge): ParseResult<DigestChallenge> {
  if (c.scheme.toLowerCase() !== 'digest') return failure('digest-wrong-scheme', `This is a '${c.scheme}' challenge, not Digest.`, 0);
  const realm = getParam(c.params, 'realm');
  const nonce = getParam(c.params, 'nonce');
  if (realm === undefined || nonce === undefined) {
    return failure('digest-missing-param', `A Digest challenge needs ${realm === undefined ? 'realm' : 'nonce'} (RFC 7616 §3.3).`, 0);
  }
  const algorithmParam = getParam(c.params, 'algorithm');
  const algorithm = digestAlgorithm(algorithmParam);
  if (!algorithm) {
    return failure(
      'digest-unknown-algorithm',
      `algorithm=${algorithmParam ?? ''} is not one this client knows, so it ignores the challenge (RFC 7616 §3.3).`,
      0,
    );
  }
  const warnings: Diagnostic[] = [];
  const qopParam = getParam(c.params, 'qop');
  const offered = qopParam === undefined ? [] : qopParam.split(',').map((q) => q.trim().toLowerCase());
  const qop = offered.filter((q): q is DigestQop => q === 'auth' || q === 'auth-int');
  if (qopParam === undefined) {
    warnings.push(
      diagnostic('digest-legacy-no-qop', 'No qop: this is an RFC 2069 challenge, without the protection of cnonce and nc (RFC 7616 §3.3 requires qop).', 0),
    );
  } else if (qop.length === 0) {
    return failure('digest-no-usable-qop', `qop="${qopParam}" offers neither auth nor auth-int (RFC 7616 §3.3).`, 0);
  }
  const charset = getParam(c.params, 'charset');
  const value: DigestChallenge = {
    realm,
    nonce,
    domain: (getParam(c.params, 'domain') ?? '').split(' ').filter((d) => d !== ''),
    stale: isTrue(getParam(c.params, 'stale')),
    algorithm,
    qop,
    userhash: isTrue(getParam(c.params, 'userhash')),
  };
  const opaque = getParam(c.params, 'opaque');
  if (opaque !== undefined) value.opaque = opaque;
  if (charset?.toUpperCase() === 'UTF-8') value.charset = 'UTF-8';
  return success(value, warnings);
}
