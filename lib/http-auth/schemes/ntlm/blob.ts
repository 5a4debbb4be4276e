import { concatBytes, writeU64 } from './bytes';

/**
 * MS-NLMP §3.3.2 "temp", the NTLMv2_CLIENT_CHALLENGE of §2.2.2.7: Responserversion (1), HiResponserversion
 * (1), Z(6), Time, ClientChallenge, Z(4), ServerName (the AV pairs, MsvAvEOL included), Z(4).
 */
export function ntlmv2Blob(time: bigint, clientChallenge: Uint8Array, avPairs: Uint8Array): Uint8Array {
  const head = new Uint8Array(28);
  head[0] = 1;
  head[1] = 1;
  writeU64(head, 8, time);
  head.set(clientChallenge.subarray(0, 8), 16);
  return concatBytes(head, avPairs, new Uint8Array(4));
}
