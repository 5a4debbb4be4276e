// Public API of lib/http-auth. Other code and the tests import only from here.
export type { Challenge, Credentials, Diagnostic, ParamContext, ParseResult } from './types';
export { parseAuthInfo, parseChallenges, parseCredentials } from './parse';
export { type AuthHeaderGrammar, type AuthHeaderPart, authHeaderParts } from './anatomy';
export { type ExtentKind, extentAt } from './extent';
export { formatAuthInfo, formatChallenge, formatChallenges, formatCredentials, quoteString } from './format';
export { getParam } from './params';
export { type BasicReuse, basicReuse, mayReuseCredentials, reusePrefix } from './protection-space';
export { isToken, isToken68 } from './grammar/chars';
export { type BasicCharset, type BasicUser, basicChallenge, decodeBasicCredentials, decodeParsedBasic, encodeBasicCredentials } from './schemes/basic';
export {
  type BearerChallengeOptions,
  type BearerErrorCode,
  type BearerRejection,
  bearerChallenge,
  bearerErrorStatus,
  bearerRejection,
  readBearerToken,
  bearerTokenOf,
} from './schemes/bearer';
export { decodeBase64, encodeBase64, encodeBase64Url } from './bytes/base64';
export { constantTimeEqual, constantTimeEqualText } from './bytes/constant-time';
export { type HashBackend, type HashName, NOBLE_HASHES, setHashBackend } from './bytes/hashes';
export * from './schemes/digest';
export * from './schemes/dpop';
export { type OAuthChallengeOptions } from './schemes/oauth-challenge';
export { type ChosenScheme, type ClientChoice, type ConsideredChallenge, type HeldCredentials, chooseChallenge } from './choice';
export * from './schemes/ntlm';
export * from './schemes/negotiate';
