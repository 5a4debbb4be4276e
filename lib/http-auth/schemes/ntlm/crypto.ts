import { hmac } from '@noble/hashes/hmac';
import { md5 } from '@noble/hashes/legacy';
import { concatBytes, encodeUtf16le } from './bytes';

// MS-NLMP §3.3.2 NTLM v2 Authentication, one formula per function so a lesson can show each value.
// MD4 comes from hash-wasm (Node's OpenSSL 3 build has no MD4, and Web Crypto never had it); HMAC-MD5
// from @noble/hashes. Both run in Node and in browsers.

/** NT hash, NTOWFv1 in §3.3.1: MD4(UNICODE(Passwd)). Every NTLM secret on the wire derives from it. */
export async function ntlmNtHash(password: string): Promise<Uint8Array> {
  // Loaded on first use, so the pages that import this library for its parsers never fetch the WebAssembly.
  const { createMD4 } = await import('hash-wasm');
  const md4 = await createMD4();
  md4.init();
  md4.update(encodeUtf16le(password));
  return md4.digest('binary');
}

export function hmacMd5(key: Uint8Array, ...data: readonly Uint8Array[]): Uint8Array {
  return hmac(md5, key, concatBytes(...data));
}

/** §3.3.2: NTOWFv2 = HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(ConcatenationOf(Uppercase(User), UserDom))). */
export function ntlmNtowfv2(ntHash: Uint8Array, user: string, domain: string): Uint8Array {
  return hmacMd5(ntHash, encodeUtf16le(user.toUpperCase() + domain));
}

/** §3.3.2: NTProofStr = HMAC_MD5(ResponseKeyNT, ConcatenationOf(CHALLENGE_MESSAGE.ServerChallenge, temp)). */
export function ntlmNtProofStr(responseKeyNt: Uint8Array, serverChallenge: Uint8Array, blob: Uint8Array): Uint8Array {
  return hmacMd5(responseKeyNt, serverChallenge, blob);
}

/** §3.3.2: SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr). */
export function ntlmSessionBaseKey(responseKeyNt: Uint8Array, ntProofStr: Uint8Array): Uint8Array {
  return hmacMd5(responseKeyNt, ntProofStr);
}

/** §3.3.2: LmChallengeResponse = HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge. */
export function ntlmLmv2Response(responseKeyLm: Uint8Array, serverChallenge: Uint8Array, clientChallenge: Uint8Array): Uint8Array {
  return concatBytes(hmacMd5(responseKeyLm, serverChallenge, clientChallenge), clientChallenge);
}
