import { concatBytes } from './bytes';
import { hmacMd5 } from './crypto';

// MS-NLMP §3.1.5.1.2 and §3.2.5.1.2: the MIC is HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖
// AUTHENTICATE), the AUTHENTICATE with its MIC field zeroed. It binds the three messages together, so a
// man in the middle cannot strip flags (signing, for one) from the NEGOTIATE or the CHALLENGE.

/** RC4 (§6, "RC4K"), used once here: to unwrap EncryptedRandomSessionKey under the KeyExchangeKey. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

/**
 * §3.2.5.1.2: with NTLM v2 the KeyExchangeKey is the SessionBaseKey (§3.4.5.1); with
 * NTLMSSP_NEGOTIATE_KEY_EXCH the client chose a random key and sent it RC4-encrypted under that one.
 */
export function ntlmExportedSessionKey(sessionBaseKey: Uint8Array, keyExchange: boolean, encryptedRandomSessionKey: Uint8Array): Uint8Array {
  return keyExchange && encryptedRandomSessionKey.length === 16 ? rc4(sessionBaseKey, encryptedRandomSessionKey) : sessionBaseKey;
}

/** The MIC over the three messages as sent; the AUTHENTICATE's bytes 72-88 are zeroed first. */
export function ntlmMic(exportedSessionKey: Uint8Array, negotiate: Uint8Array, challenge: Uint8Array, authenticate: Uint8Array): Uint8Array {
  const zeroed = authenticate.slice();
  zeroed.fill(0, 72, 88);
  return hmacMd5(exportedSessionKey, concatBytes(negotiate, challenge, zeroed));
}
