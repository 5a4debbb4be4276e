import {
  type NtlmMessage,
  type NtlmMessageRead,
  buildNtlmAuthenticate,
  buildNtlmChallenge,
  buildNtlmNegotiate,
  decodeNtlmFlags,
  encodeBase64,
  filetimeFromUnixMs,
  formatChallenge,
  ntlmChallenge,
  ntlmMessageLayout,
  readNtlmCredentials,
  readNtlmMessage,
} from '@/lib/http-auth';
import { MS_NLMP, SHORT_NEGOTIATE, WINDOWS_2003, hex, toHexString } from './support/ntlm-vectors';

function message<K extends NtlmMessage['kind']>(read: NtlmMessageRead, kind: K): Extract<NtlmMessage, { kind: K }> {
  if (read.kind !== 'message') throw new Error(`expected a message, got ${read.kind}: ${read.message}`);
  if (read.message.kind !== kind) throw new Error(`expected ${kind}, got ${read.message.kind}`);
  return read.message as Extract<NtlmMessage, { kind: K }>;
}

describe('NTLM CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2), read field by field', () => {
  it("reads §4.2.4.3's CHALLENGE: flags by name, target name, server challenge, AV pairs, version", () => {
    const challenge = message(readNtlmMessage(MS_NLMP.challengeMessage), 'challenge');
    expect(challenge.messageType).toBe(2);
    expect(challenge.signature).toBe('NTLMSSP\0');
    expect(challenge.flags.value).toBe(0xe28a8233);
    expect(challenge.flags.names).toEqual([
      'NTLMSSP_NEGOTIATE_UNICODE',
      'NTLM_NEGOTIATE_OEM',
      'NTLMSSP_NEGOTIATE_SIGN',
      'NTLMSSP_NEGOTIATE_SEAL',
      'NTLMSSP_NEGOTIATE_NTLM',
      'NTLMSSP_NEGOTIATE_ALWAYS_SIGN',
      'NTLMSSP_TARGET_TYPE_SERVER',
      'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
      'NTLMSSP_NEGOTIATE_TARGET_INFO',
      'NTLMSSP_NEGOTIATE_VERSION',
      'NTLMSSP_NEGOTIATE_128',
      'NTLMSSP_NEGOTIATE_KEY_EXCH',
      'NTLMSSP_NEGOTIATE_56',
    ]);
    expect(challenge.flags.reservedBits).toBe(0);
    expect(challenge.targetName).toEqual({ headerOffset: 12, length: 12, maxLength: 12, offset: 56, value: 'Server' });
    expect(toHexString(challenge.serverChallenge)).toBe('0123456789abcdef');
    expect(challenge.version?.text).toBe('6.0.6000, NTLM revision 15');
    expect(challenge.targetInfo).toMatchObject({ headerOffset: 40, length: 36, offset: 68 });
    expect(challenge.targetInfo?.avPairs).toEqual({
      terminated: true,
      pairs: [
        { kind: 'text', name: 'MsvAvNbDomainName', offset: 0, value: 'Domain' },
        { kind: 'text', name: 'MsvAvNbComputerName', offset: 16, value: 'Server' },
      ],
    });
  });

  it('builds the same CHALLENGE byte for byte from its parts', () => {
    const built = buildNtlmChallenge({
      serverChallenge: MS_NLMP.serverChallenge,
      targetName: 'Server',
      flags: 0xe28a8233,
      version: { productMajor: 6, productMinor: 0, productBuild: 6000, ntlmRevision: 15 },
      targetInfo: [
        { name: 'MsvAvNbDomainName', value: 'Domain' },
        { name: 'MsvAvNbComputerName', value: 'Server' },
      ],
    });
    expect(toHexString(built)).toBe(toHexString(MS_NLMP.challengeMessage));
  });

  it('builds a server CHALLENGE with an MsvAvTimestamp and MsvAvFlags, and reads them back by name', () => {
    const now = Date.UTC(2026, 11, 6, 12, 0, 0);
    const built = buildNtlmChallenge({
      serverChallenge: hex('1122334455667788'),
      targetName: 'LAB',
      targetInfo: [
        { name: 'MsvAvNbDomainName', value: 'LAB' },
        { name: 'MsvAvDnsComputerName', value: 'lab.example' },
        { name: 'MsvAvTimestamp', filetime: filetimeFromUnixMs(now) },
        { name: 'MsvAvFlags', value: 2 },
      ],
    });
    const read = message(readNtlmMessage(encodeBase64(built)), 'challenge');
    expect(read.flags.names).toContain('NTLMSSP_NEGOTIATE_TARGET_INFO');
    expect(read.version?.text).toBe('10.0.19041, NTLM revision 15');
    const pairs = read.targetInfo?.avPairs.pairs ?? [];
    expect(pairs.find((p) => p.kind === 'timestamp')).toMatchObject({ name: 'MsvAvTimestamp', unixMs: now });
    expect(pairs.find((p) => p.kind === 'flags')).toMatchObject({ name: 'MsvAvFlags', value: 2, flags: ['mic-present'] });
    expect(pairs.find((p) => p.kind === 'text' && p.name === 'MsvAvDnsComputerName')).toMatchObject({ value: 'lab.example' });
  });

  it('is carried as `NTLM <token68>` after a bare `NTLM`', () => {
    expect(formatChallenge(ntlmChallenge())).toBe('NTLM');
    expect(formatChallenge(ntlmChallenge(MS_NLMP.challengeMessage))).toBe(`NTLM ${encodeBase64(MS_NLMP.challengeMessage)}`);
  });
});

describe('NTLM AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3)', () => {
  it("reads §4.2.4.3's AUTHENTICATE: names, responses, session key, version, no MIC", () => {
    const auth = message(readNtlmMessage(MS_NLMP.authenticateMessage), 'authenticate');
    expect(auth.flags.value).toBe(0xe2888235);
    expect(auth.domain).toEqual({ headerOffset: 28, length: 12, maxLength: 12, offset: 72, value: 'Domain' });
    expect(auth.user).toMatchObject({ offset: 84, value: 'User' });
    expect(auth.workstation).toMatchObject({ offset: 92, value: 'COMPUTER' });
    expect(toHexString(auth.lmResponse.bytes)).toBe(MS_NLMP.lmv2Response);
    expect(toHexString(auth.encryptedRandomSessionKey.bytes)).toBe('c5dad2544fc9799094ce1ce90bc9d03e');
    expect(auth.version?.text).toBe('5.1.2600, NTLM revision 15');
    expect(auth.mic).toBeUndefined();
    expect(auth.micAnnounced).toBe(false);
    const response = auth.ntResponse.response;
    if (response.kind !== 'ntlmv2') throw new Error(response.kind);
    expect(toHexString(response.ntProofStr)).toBe(MS_NLMP.ntProofStr);
    expect(toHexString(response.clientChallenge)).toBe('aaaaaaaaaaaaaaaa');
    expect(response.timestamp).toBe(0n);
    expect(response.avPairs.pairs.map((p) => (p.kind === 'text' ? `${p.name}=${p.value}` : p.kind))).toEqual([
      'MsvAvNbDomainName=Domain',
      'MsvAvNbComputerName=Server',
    ]);
  });

  it('builds the same AUTHENTICATE byte for byte', () => {
    const auth = message(readNtlmMessage(MS_NLMP.authenticateMessage), 'authenticate');
    const built = buildNtlmAuthenticate({
      flags: 0xe2888235,
      lmResponse: auth.lmResponse.bytes,
      ntResponse: auth.ntResponse.bytes,
      domain: 'Domain',
      user: 'User',
      workstation: 'COMPUTER',
      encryptedRandomSessionKey: auth.encryptedRandomSessionKey.bytes,
      version: { productMajor: 5, productMinor: 1, productBuild: 2600, ntlmRevision: 15 },
    });
    expect(toHexString(built)).toBe(toHexString(MS_NLMP.authenticateMessage));
  });

  it('reads a real Windows Server 2003 AUTHENTICATE with DNS names in the blob', () => {
    const auth = message(readNtlmMessage(WINDOWS_2003.authenticate), 'authenticate');
    expect([auth.user.value, auth.domain.value, auth.workstation.value]).toEqual(['userstress100008', 'array12.msgtst.reuters.com', 'NYCVA12S2CMSA']);
    expect(auth.version?.text).toBe('5.2.3790, NTLM revision 15');
    expect(auth.flags.names).toContain('NTLMSSP_NEGOTIATE_KEY_EXCH');
    const response = auth.ntResponse.response;
    if (response.kind !== 'ntlmv2') throw new Error(response.kind);
    expect(response.avPairs.pairs.flatMap((p) => (p.kind === 'text' ? [p.name] : []))).toEqual([
      'MsvAvNbDomainName',
      'MsvAvNbComputerName',
      'MsvAvDnsDomainName',
      'MsvAvDnsComputerName',
      'MsvAvDnsTreeName',
    ]);
  });

  it('finds the MIC at offset 72 when the fixed part holds it, and MsvAvFlags announcing it', () => {
    const blob = hex('0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000 0600040002000000 00000000 00000000');
    const built = buildNtlmAuthenticate({
      flags: ['NTLMSSP_NEGOTIATE_UNICODE', 'NTLMSSP_NEGOTIATE_VERSION'],
      lmResponse: new Uint8Array(24),
      ntResponse: new Uint8Array([...new Uint8Array(16).fill(7), ...blob]),
      domain: 'D',
      user: 'u',
      workstation: 'W',
      mic: new Uint8Array(16).fill(0xab),
    });
    const auth = message(readNtlmMessage(built), 'authenticate');
    expect(auth.mic).toEqual({ offset: 72, bytes: new Uint8Array(16).fill(0xab) });
    expect(auth.micAnnounced).toBe(true);
  });

  it('reads `Authorization: NTLM <token68>` and refuses anything else', () => {
    expect(readNtlmCredentials(`ntlm ${WINDOWS_2003.authenticate}`)).toMatchObject({ ok: true, value: WINDOWS_2003.authenticate });
    expect(readNtlmCredentials('Negotiate abc=')).toMatchObject({ ok: false, error: { code: 'ntlm-wrong-scheme' } });
    expect(readNtlmCredentials('NTLM user="x"')).toMatchObject({ ok: false, error: { code: 'ntlm-not-token68' } });
  });
});

describe('NTLM NEGOTIATE_MESSAGE (MS-NLMP §2.2.1.1)', () => {
  it('reads the 16-byte NEGOTIATE old clients send, with no fields at all', () => {
    const negotiate = message(readNtlmMessage(SHORT_NEGOTIATE), 'negotiate');
    expect(negotiate.flags.value).toBe(0x00088207);
    expect(negotiate.domain).toBeUndefined();
    expect(negotiate.version).toBeUndefined();
  });

  it('builds and reads back a NEGOTIATE with OEM domain and workstation', () => {
    const built = buildNtlmNegotiate({
      flags: ['NTLMSSP_NEGOTIATE_UNICODE', 'NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED', 'NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED', 'NTLMSSP_NEGOTIATE_VERSION'],
      domain: 'LAB',
      workstation: 'PC1',
    });
    const negotiate = message(readNtlmMessage(built), 'negotiate');
    expect(negotiate.domain).toEqual({ headerOffset: 16, length: 3, maxLength: 3, offset: 40, value: 'LAB' });
    expect(negotiate.workstation?.value).toBe('PC1');
    expect(negotiate.version?.productBuild).toBe(19041);
  });

  it('names reserved bits a sender set', () => {
    expect(decodeNtlmFlags(0x00000008 | 0x00000001)).toEqual({ value: 9, names: ['NTLMSSP_NEGOTIATE_UNICODE'], reservedBits: 8 });
  });
});

describe('NTLM failure kinds, one per way the bytes are wrong', () => {
  const withU32 = (bytes: Uint8Array, at: number, value: number) => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(at, value, true);
    return copy;
  };
  const cases: Array<[string, string | Uint8Array, string, 'negotiate' | 'challenge' | 'authenticate' | undefined]> = [
    ['text that is not base64', 'NTLM*not', 'not-base64', undefined],
    ['a megabyte of base64', 'A'.repeat(1 << 20), 'oversized', undefined],
    ['bytes past the bound', new Uint8Array(20_000), 'oversized', undefined],
    ['four bytes', 'AAAAAA==', 'too-short', undefined],
    ['a CHALLENGE cut at 20 bytes', MS_NLMP.challengeMessage.slice(0, 20), 'too-short', undefined],
    ['another signature', new Uint8Array([...'NTLMSSQ\0'].map((c) => c.charCodeAt(0)).concat([1, 0, 0, 0, 0, 0, 0, 0])), 'bad-signature', undefined],
    ['MessageType 4', withU32(MS_NLMP.challengeMessage, 8, 4), 'unknown-type', undefined],
    ['a NEGOTIATE where an AUTHENTICATE is expected', SHORT_NEGOTIATE, 'wrong-type', 'authenticate'],
    ['a TargetInfo offset past the end', withU32(MS_NLMP.challengeMessage, 44, 0xfffffff0), 'field-out-of-bounds', undefined],
    ['an AUTHENTICATE cut inside its payload', MS_NLMP.authenticateMessage.slice(0, 120), 'field-out-of-bounds', undefined],
    ['an AV pair longer than TargetInfo', withU32(MS_NLMP.challengeMessage, 68, 0x00ff0002), 'av-pair-out-of-bounds', undefined],
    [
      'an MsvAvTimestamp of 4 bytes',
      buildNtlmChallenge({ serverChallenge: new Uint8Array(8), targetName: '', targetInfo: [{ name: 'MsvAvFlags', value: 0 }] }).map((b, i, all) =>
        i === all.length - 12 ? 7 : b,
      ),
      'av-pair-bad-length',
      undefined,
    ],
  ];
  it.each(cases.map(([label, input, kind, expected]) => ({ label, input, kind, expected })))('$label is $kind', ({ input, kind, expected }) => {
    const read = readNtlmMessage(input, expected);
    expect(read.kind).toBe(kind);
    if (read.kind !== 'message') expect(read.message).toMatch(/\S/);
  });
});

describe('ntlmMessageLayout: a message as rows in wire order', () => {
  it.each([
    ['CHALLENGE', MS_NLMP.challengeMessage],
    ['AUTHENTICATE', MS_NLMP.authenticateMessage],
    ['NEGOTIATE', buildNtlmNegotiate({ domain: 'LAB', workstation: 'PC1' })],
  ])('covers a %s byte for byte, without gap or overlap', (_label, bytes) => {
    const read = readNtlmMessage(bytes);
    if (read.kind !== 'message') throw new Error(read.kind);
    const rows = ntlmMessageLayout(read.message);
    let at = 0;
    for (const row of rows) {
      expect(row.offset).toBe(at);
      at += row.length;
    }
    expect(at).toBe(bytes.length);
  });

  it('names each field of the AUTHENTICATE and what it holds', () => {
    const rows = ntlmMessageLayout(message(readNtlmMessage(MS_NLMP.authenticateMessage), 'authenticate'));
    expect(rows.map((r) => `${r.part} ${r.name}@${r.offset}+${r.length}`)).toEqual([
      'fixed Signature@0+8',
      'fixed MessageType@8+4',
      'fixed LmChallengeResponseFields@12+8',
      'fixed NtChallengeResponseFields@20+8',
      'fixed DomainNameFields@28+8',
      'fixed UserNameFields@36+8',
      'fixed WorkstationFields@44+8',
      'fixed EncryptedRandomSessionKeyFields@52+8',
      'fixed NegotiateFlags@60+4',
      'fixed Version@64+8',
      'payload DomainName@72+12',
      'payload UserName@84+8',
      'payload Workstation@92+16',
      'payload LmChallengeResponse@108+24',
      'payload NtChallengeResponse@132+84',
      'payload EncryptedRandomSessionKey@216+16',
    ]);
    expect(rows.find((r) => r.name === 'NtChallengeResponse')?.value).toBe(`NTLMv2: NTProofStr ${MS_NLMP.ntProofStr}, blob of 68 bytes`);
    expect(rows.find((r) => r.name === 'UserName')?.value).toBe('"User"');
    expect(rows.find((r) => r.name === 'MessageType')?.value).toBe('3 (AUTHENTICATE)');
  });
});
