// RFC 9449 §8.1: `nonce = 1*NQCHAR`, with RFC 6749 Appendix A's NQCHAR = %x21 / %x23-5B / %x5D-7E: printable
// ASCII without space, '"' or '\'. The DPoP-Nonce header field carries exactly that (§8.2).
const NONCE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** Whether `value` is a nonce a server may send in `DPoP-Nonce` and a client may copy into a proof (RFC 9449 §8.1). */
export function isDpopNonce(value: string): boolean {
  return NONCE.test(value);
}
