import {
  KERBEROS_OIDS,
  NTLMSSP_OID,
  type NegotiateToken,
  type NegotiateTokenRead,
  buildNtlmNegotiate,
  buildSpnegoInit,
  buildSpnegoResponse,
  decodeOid,
  encodeBase64,
  formatChallenge,
  negotiateChallenge,
  readNegotiateCredentials,
  readNegotiateToken,
} from '@/lib/http-auth';
import { MS_NLMP, SHORT_NEGOTIATE, hex, toHexString } from './support/ntlm-vectors';

/** DER written out by hand in the test, independent of the library's encoder. */
function der(identifier: number, ...parts: Uint8Array[]): Uint8Array {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([identifier, ...length, ...content]);
}
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const int = (n: number) => der(0x02, Uint8Array.of(n));

function token(read: NegotiateTokenRead): NegotiateToken {
  if (read.kind !== 'token') throw new Error(`${read.kind}: ${read.message}`);
  return read.token;
}

/** An AP-REQ for HTTP/lab.example@LAB.EXAMPLE, ticket encrypted with etype 18 (RFC 4120 §5.3, §5.5.1). */
const ticket = der(
  0x61,
  der(
    0x30,
    der(0xa0, int(5)),
    der(0xa1, der(0x1b, ascii('LAB.EXAMPLE'))),
    der(0xa2, der(0x30, der(0xa0, int(2)), der(0xa1, der(0x30, der(0x1b, ascii('HTTP')), der(0x1b, ascii('lab.example')))))),
    der(0xa3, der(0x30, der(0xa0, int(18)), der(0xa1, int(2)), der(0xa2, der(0x04, new Uint8Array(40).fill(0x5a))))),
  ),
);
const apReq = der(
  0x6e,
  der(
    0x30,
    der(0xa0, int(5)),
    der(0xa1, int(14)),
    der(0xa2, der(0x03, hex('0020000000'))),
    der(0xa3, ticket),
    der(0xa4, der(0x30, der(0xa0, int(18)), der(0xa2, der(0x04, new Uint8Array(30))))),
  ),
);
const krb5Oid = hex('06092a864886f712010202');
const kerberosGss = der(0x60, krb5Oid, hex('0100'), apReq);

describe('Negotiate tokens (RFC 4559 §4)', () => {
  it('decodes the OIDs of SPNEGO, Kerberos (both) and NTLMSSP', () => {
    expect(decodeOid(hex('2b0601050502'))).toBe('1.3.6.1.5.5.2');
    expect(decodeOid(hex('2a864886f712010202'))).toBe(KERBEROS_OIDS[0]);
    expect(decodeOid(hex('2a864882f712010202'))).toBe(KERBEROS_OIDS[1]);
    expect(decodeOid(hex('2b06010401823702020a'))).toBe(NTLMSSP_OID);
    expect(decodeOid(hex('2b86'))).toBeUndefined();
  });

  it('reads a hand-written SPNEGO NegTokenInit offering NTLM, and the NEGOTIATE inside', () => {
    const ntlm = buildNtlmNegotiate({ flags: 0xe2088297 });
    expect(ntlm.length).toBe(40);
    const written = Uint8Array.from([...hex('6048 0606 2b0601050502 a03e 303c a00e 300c 060a 2b06010401823702020a a22a 0428'), ...ntlm]);
    expect(toHexString(buildSpnegoInit({ mechanisms: [NTLMSSP_OID], mechToken: ntlm }))).toBe(toHexString(written));
    const read = token(readNegotiateToken(encodeBase64(written)));
    expect(read).toMatchObject({ kind: 'spnego-init', mechanisms: [{ oid: NTLMSSP_OID, name: 'NTLM' }], mechListMic: false });
    if (read.kind !== 'spnego-init' || read.mechToken?.kind !== 'ntlm') throw new Error('no NTLM inside');
    expect(read.mechToken.read).toMatchObject({ kind: 'message', message: { kind: 'negotiate', messageType: 1 } });
  });

  it('names every mechanism a browser offers, in order', () => {
    const offered = ['1.2.840.48018.1.2.2', '1.2.840.113554.1.2.2', '1.3.6.1.4.1.311.2.2.30', NTLMSSP_OID];
    const read = token(readNegotiateToken(buildSpnegoInit({ mechanisms: offered, mechToken: kerberosGss })));
    if (read.kind !== 'spnego-init') throw new Error(read.kind);
    expect(read.mechanisms.map((m) => m.name)).toEqual(['Kerberos V5 (Microsoft)', 'Kerberos V5', 'NegoEx', 'NTLM']);
    expect(read.mechToken).toMatchObject({ kind: 'kerberos', kerberos: { tokenId: 'AP-REQ' } });
  });

  it('recognises a bare Kerberos AP-REQ and explains it: whose ticket, which encryption, and why the lab cannot check it', () => {
    const read = token(readNegotiateToken(encodeBase64(kerberosGss)));
    if (read.kind !== 'kerberos') throw new Error(read.kind);
    expect(read.kerberos).toMatchObject({
      mechanism: { name: 'Kerberos V5' },
      tokenId: 'AP-REQ',
      ticket: { realm: 'LAB.EXAMPLE', serverName: 'HTTP/lab.example', encryptionType: 18, encryptionName: 'aes256-cts-hmac-sha1-96' },
    });
    expect(read.kerberos.explanation).toMatch(/no KDC/);
    expect(read.kerberos.explanation).toMatch(/HTTP\/lab.example@LAB.EXAMPLE/);
  });

  it('accepts raw NTLM inside Negotiate, as Windows servers do', () => {
    const read = token(readNegotiateToken(SHORT_NEGOTIATE));
    expect(read).toMatchObject({ kind: 'ntlm', read: { kind: 'message', message: { kind: 'negotiate' } } });
  });

  it("reads the server's NegTokenResp carrying the CHALLENGE, and the client's carrying the AUTHENTICATE", () => {
    const server = token(
      readNegotiateToken(buildSpnegoResponse({ negState: 'accept-incomplete', supportedMechanism: NTLMSSP_OID, responseToken: MS_NLMP.challengeMessage })),
    );
    expect(server).toMatchObject({
      kind: 'spnego-response',
      negState: 'accept-incomplete',
      supportedMechanism: { name: 'NTLM' },
      responseToken: { kind: 'ntlm', read: { kind: 'message', message: { kind: 'challenge' } } },
    });
    const client = token(readNegotiateToken(buildSpnegoResponse({ responseToken: MS_NLMP.authenticateMessage })));
    expect(client).toMatchObject({
      kind: 'spnego-response',
      negState: undefined,
      responseToken: { kind: 'ntlm', read: { message: { kind: 'authenticate' } } },
    });
    expect(token(readNegotiateToken(hex('a1073005a0030a0100')))).toMatchObject({ kind: 'spnego-response', negState: 'accept-completed' });
  });

  it('carries tokens as `Negotiate <token68>` and reads credentials', () => {
    expect(formatChallenge(negotiateChallenge())).toBe('Negotiate');
    expect(formatChallenge(negotiateChallenge(hex('a1073005a0030a0100')))).toBe('Negotiate oQcwBaADCgEA');
    expect(readNegotiateCredentials('negotiate oQcwBaADCgEA')).toMatchObject({ ok: true, value: 'oQcwBaADCgEA' });
    expect(readNegotiateCredentials('NTLM oQcwBaADCgEA')).toMatchObject({ ok: false, error: { code: 'negotiate-wrong-scheme' } });
    expect(readNegotiateCredentials('Negotiate a=b')).toMatchObject({ ok: false, error: { code: 'negotiate-not-token68' } });
  });
});

describe('Negotiate failure kinds', () => {
  it.each([
    ['not base64', 'YII*', 'not-base64'],
    ['too long', 'A'.repeat(100_000), 'oversized'],
    ['empty', new Uint8Array(0), 'empty'],
    ['a JSON body', encodeBase64(ascii('{"a":1}')), 'unrecognised'],
    ['the first bytes browsers send, cut short', 'YIIGhgYGKwYBBQUCoIIGejCCBnag', 'der-truncated'],
    ['an indefinite length', hex('6080060629'), 'der-indefinite-length'],
    ['a five-byte length', hex('6085ffffffffff'), 'der-bad-length'],
    ['a high tag number', hex('60037f8101'), 'der-high-tag'],
    ['a GSS token for another mechanism', der(0x60, hex('06032a0304'), hex('00')), 'unknown-mechanism'],
    ['a NegTokenResp with negState 9', hex('a1073005a0030a0109'), 'spnego-malformed'],
    [
      'a NegTokenInit whose mechTypes holds an INTEGER',
      der(0x60, hex('06062b0601050502'), der(0xa0, der(0x30, der(0xa0, der(0x30, int(1)))))),
      'spnego-malformed',
    ],
    [
      'a list of 65 OIDs',
      der(0x60, hex('06062b0601050502'), der(0xa0, der(0x30, der(0xa0, der(0x30, ...Array.from({ length: 65 }, () => krb5Oid)))))),
      'der-too-many-elements',
    ],
  ] as const)('%s', (_label, input, kind) => {
    const read = readNegotiateToken(input);
    expect(read.kind).toBe(kind);
  });
});
