// The Digest scheme (RFC 7616), both sides.
export { DIGEST_ALGORITHMS, type DigestAlgorithm, type DigestAlgorithmName, type DigestHash, digestAlgorithm, digestHex } from './algorithm';
export {
  type DigestExchange,
  type DigestQop,
  digestHA1,
  digestHA2,
  digestPasswordHash,
  digestResponse,
  digestRspauth,
  digestSessionHA1,
  digestUserhash,
} from './compute';
export { type DigestChallenge, type DigestChallengeOptions, digestChallenge, readDigestChallenge } from './challenge';
export { type DigestNonceState, checkDigestNonce, createDigestNonce, digestNonceIssuedAt, digestNonceState } from './nonce';
export {
  type DigestRejectReason,
  type DigestServerOptions,
  type DigestVerification,
  type DigestVerifyInput,
  digestReplayKey,
  digestReplayRejection,
  verifyDigestCredentials,
} from './verify';
export { checkDigestAuthenticationInfo, digestAuthenticationInfo } from './auth-info';
export { type DigestAnswer, type DigestClientInput, answerDigestChallenge } from './client';
export { decodeExtValue, encodeExtValue } from './ext-value';
