import {
  type NtlmAuthenticateMessage,
  type NtlmChallengeMessage,
  buildNtlmAuthenticate,
  buildNtlmChallenge,
  buildNtlmNegotiate,
  filetimeFromUnixMs,
  ntlmAuthenticateFor,
  ntlmChallengeFor,
  ntlmExportedSessionKey,
  ntlmLmv2Response,
  ntlmNtHash,
  ntlmNtProofStr,
  ntlmNtowfv2,
  ntlmSessionBaseKey,
  ntlmv2Blob,
  readNtlmMessage,
  verifyNtlmAuthenticate,
} from '@/lib/http-auth';
import { MS_NLMP, SHORT_NEGOTIATE, WINDOWS_2003, hex, toHexString } from './support/ntlm-vectors';

function authenticate(input: string | Uint8Array): NtlmAuthenticateMessage {
  const read = readNtlmMessage(input, 'authenticate');
  if (read.kind !== 'message' || read.message.kind !== 'authenticate') throw new Error(read.kind);
  return read.message;
}
function challenge(input: Uint8Array): NtlmChallengeMessage {
  const read = readNtlmMessage(input, 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(read.kind);
  return read.message;
}

const users = { alice: 'wonderland', User: 'Password' };

describe('NTLM v2 computations (MS-NLMP §3.3.2), checked against §4.2.4', () => {
  it('NT hash, NTOWFv2, LMv2, NTProofStr and the session base key', async () => {
    const ntHash = await ntlmNtHash(MS_NLMP.password);
    expect(toHexString(ntHash)).toBe(MS_NLMP.ntHash);
    const key = ntlmNtowfv2(ntHash, MS_NLMP.user, MS_NLMP.domain);
    expect(toHexString(key)).toBe(MS_NLMP.ntowfv2);
    expect(toHexString(ntlmLmv2Response(key, MS_NLMP.serverChallenge, MS_NLMP.clientChallenge))).toBe(MS_NLMP.lmv2Response);
    const blob = ntlmv2Blob(0n, MS_NLMP.clientChallenge, MS_NLMP.targetInfo);
    const proof = ntlmNtProofStr(key, MS_NLMP.serverChallenge, blob);
    expect(toHexString(proof)).toBe(MS_NLMP.ntProofStr);
    expect(toHexString(ntlmSessionBaseKey(key, proof))).toBe(MS_NLMP.sessionBaseKey);
  });

  it('upper-cases the user name but not the domain, as NTOWFv2 says', async () => {
    const ntHash = await ntlmNtHash(MS_NLMP.password);
    expect(toHexString(ntlmNtowfv2(ntHash, 'user', 'Domain'))).toBe(MS_NLMP.ntowfv2);
    expect(toHexString(ntlmNtowfv2(ntHash, 'User', 'DOMAIN'))).not.toBe(MS_NLMP.ntowfv2);
  });

  it('a simulated client reproduces §4.2.4.3 from the CHALLENGE', async () => {
    const response = await ntlmAuthenticateFor(
      challenge(MS_NLMP.challengeMessage),
      { user: 'User', domain: 'Domain', password: 'Password', workstation: 'COMPUTER' },
      { clientChallenge: MS_NLMP.clientChallenge, now: Date.UTC(1601, 0, 1) },
    );
    expect(toHexString(response.ntProofStr)).toBe(MS_NLMP.ntProofStr);
    expect(toHexString(response.sessionBaseKey)).toBe(MS_NLMP.sessionBaseKey);
    expect(toHexString(authenticate(response.authenticate).lmResponse.bytes)).toBe(MS_NLMP.lmv2Response);
  });
});

describe('verifyNtlmAuthenticate (MS-NLMP §3.2.5.1.2)', () => {
  it("accepts §4.2.4.3's AUTHENTICATE for User in Domain, with the session base key", async () => {
    const result = await verifyNtlmAuthenticate(authenticate(MS_NLMP.authenticateMessage), { serverChallenge: MS_NLMP.serverChallenge, users });
    expect(result).toMatchObject({ kind: 'valid', user: 'User', domain: 'Domain', workstation: 'COMPUTER' });
    if (result.kind === 'valid') expect(toHexString(result.sessionBaseKey)).toBe(MS_NLMP.sessionBaseKey);
  });

  it('accepts the real Windows Server 2003 AUTHENTICATE with its password, and refuses it with another', async () => {
    const message = authenticate(WINDOWS_2003.authenticate);
    const right = await verifyNtlmAuthenticate(message, { serverChallenge: WINDOWS_2003.serverChallenge, users: { USERSTRESS100008: WINDOWS_2003.password } });
    expect(right).toMatchObject({ kind: 'valid', user: 'userstress100008', domain: 'array12.msgtst.reuters.com' });
    const wrong = await verifyNtlmAuthenticate(message, { serverChallenge: WINDOWS_2003.serverChallenge, users: { userstress100008: 'Welcome2' } });
    expect(wrong.kind).toBe('wrong-password');
  });

  it('refuses a response computed for another CHALLENGE, an unknown user, and a user named like an Object member', async () => {
    const message = authenticate(MS_NLMP.authenticateMessage);
    expect((await verifyNtlmAuthenticate(message, { serverChallenge: hex('0123456789abcdee'), users })).kind).toBe('wrong-password');
    expect((await verifyNtlmAuthenticate(message, { serverChallenge: MS_NLMP.serverChallenge, users: { alice: 'x' } })).kind).toBe('unknown-user');
    const constructor = buildNtlmAuthenticate({
      flags: 1,
      lmResponse: new Uint8Array(24),
      ntResponse: message.ntResponse.bytes,
      domain: 'D',
      user: 'constructor',
      workstation: '',
    });
    expect((await verifyNtlmAuthenticate(authenticate(constructor), { serverChallenge: MS_NLMP.serverChallenge, users })).kind).toBe('unknown-user');
  });

  const v1 = (lm: Uint8Array, nt: Uint8Array, user = 'User') =>
    authenticate(buildNtlmAuthenticate({ flags: 1, lmResponse: lm, ntResponse: nt, domain: 'Domain', user, workstation: 'PC' }));

  it.each([
    ['an NTLM v1 response (§4.2.2.2.1)', () => v1(hex('98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13'), MS_NLMP.ntlmv1Response), 'ntlmv1-refused', /DES/],
    ['an LM response alone', () => v1(hex('98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13'), new Uint8Array(0)), 'lm-refused', /DES/],
    ['an anonymous AUTHENTICATE', () => v1(new Uint8Array([0]), new Uint8Array(0), ''), 'anonymous', /anonymous/],
    ['a 30-byte NT response', () => v1(new Uint8Array(24), new Uint8Array(30)), 'malformed-response', /24/],
    [
      'a blob with RespType 2',
      () => v1(new Uint8Array(24), new Uint8Array([...new Uint8Array(16), 2, 1, ...new Uint8Array(30)])),
      'malformed-response',
      /RespType/,
    ],
  ])('refuses %s, saying why', async (_label, make, kind, why) => {
    const result = await verifyNtlmAuthenticate(make(), { serverChallenge: MS_NLMP.serverChallenge, users });
    expect(result.kind).toBe(kind);
    if (result.kind !== 'valid') expect(result.message).toMatch(why);
  });
});

describe('NTLM v2 with a server timestamp (MS-NLMP §3.1.5.1.2)', () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  const serverChallenge = hex('1122334455667788');
  const built = buildNtlmChallenge({
    serverChallenge,
    targetName: 'LAB',
    targetInfo: [
      { name: 'MsvAvNbDomainName', value: 'LAB' },
      { name: 'MsvAvNbComputerName', value: 'LAB-SERVER' },
      { name: 'MsvAvTimestamp', filetime: filetimeFromUnixMs(now) },
    ],
  });
  const served = challenge(built);
  const alice = { user: 'alice', domain: 'LAB', password: 'wonderland', workstation: 'PC' };
  const answer = async (from: NtlmChallengeMessage = served) =>
    authenticate((await ntlmAuthenticateFor(from, alice, { clientChallenge: hex('0102030405060708'), now: 0 })).authenticate);

  it('the client echoes the timestamp and sends Z(24) as LM response; the lab accepts it within the window', async () => {
    const message = await answer();
    expect(message.lmResponse.bytes).toEqual(new Uint8Array(24));
    const result = await verifyNtlmAuthenticate(message, { serverChallenge, users, challengeTargetInfo: served.targetInfo?.avPairs, now: now + 5_000 });
    expect(result).toMatchObject({ kind: 'valid', user: 'alice', domain: 'LAB', workstation: 'PC' });
  });

  it('refuses the same response ten minutes later, and one whose timestamp is not the one served', async () => {
    const message = await answer();
    const late = await verifyNtlmAuthenticate(message, { serverChallenge, users, now: now + 600_000 });
    expect(late).toMatchObject({ kind: 'timestamp-out-of-window', ageSeconds: 600 });
    const other = challenge(
      buildNtlmChallenge({ serverChallenge, targetName: 'LAB', targetInfo: [{ name: 'MsvAvTimestamp', filetime: filetimeFromUnixMs(now - 1000) }] }),
    );
    const mismatch = await verifyNtlmAuthenticate(await answer(other), { serverChallenge, users, challengeTargetInfo: served.targetInfo?.avPairs });
    expect(mismatch.kind).toBe('target-info-mismatch');
  });
});

describe('ntlmChallengeFor: the server answers a NEGOTIATE (MS-NLMP §3.2.5.1.1)', () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  const server = { serverChallenge: hex('a1a2a3a4a5a6a7a8'), domain: 'LAB', computer: 'LAB-SERVER', dnsDomain: 'lab.example', now };

  it('grants what the 16-byte NEGOTIATE asks for, adds target info with a timestamp, and verifies the answer', async () => {
    const negotiate = readNtlmMessage(SHORT_NEGOTIATE, 'negotiate');
    if (negotiate.kind !== 'message' || negotiate.message.kind !== 'negotiate') throw new Error(negotiate.kind);
    const served = challenge(ntlmChallengeFor(negotiate.message, server));
    expect(served.flags.names).toEqual([
      'NTLMSSP_NEGOTIATE_UNICODE',
      'NTLMSSP_REQUEST_TARGET',
      'NTLMSSP_NEGOTIATE_NTLM',
      'NTLMSSP_NEGOTIATE_ALWAYS_SIGN',
      'NTLMSSP_TARGET_TYPE_DOMAIN',
      'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
      'NTLMSSP_NEGOTIATE_TARGET_INFO',
      'NTLMSSP_NEGOTIATE_VERSION',
    ]);
    expect(served.targetName.value).toBe('LAB');
    expect(served.targetInfo?.avPairs.pairs.map((p) => (p.kind === 'text' ? p.value : p.kind === 'timestamp' ? p.unixMs : p.kind))).toEqual([
      'LAB',
      'LAB-SERVER',
      'lab.example',
      now,
    ]);
    const { authenticate: bytes } = await ntlmAuthenticateFor(
      served,
      { user: 'ALICE', domain: 'LAB', password: 'wonderland', workstation: 'PC' },
      { clientChallenge: hex('0102030405060708'), now: 0 },
    );
    const result = await verifyNtlmAuthenticate(authenticate(bytes), {
      serverChallenge: server.serverChallenge,
      users,
      challengeTargetInfo: served.targetInfo?.avPairs,
      now: now + 2000,
    });
    expect(result).toMatchObject({ kind: 'valid', user: 'ALICE', domain: 'LAB' });
  });

  it('answers an OEM-only client in OEM', () => {
    const negotiate = readNtlmMessage(buildNtlmNegotiate({ flags: ['NTLM_NEGOTIATE_OEM', 'NTLMSSP_REQUEST_TARGET', 'NTLMSSP_NEGOTIATE_NTLM'] }), 'negotiate');
    if (negotiate.kind !== 'message' || negotiate.message.kind !== 'negotiate') throw new Error(negotiate.kind);
    const served = challenge(ntlmChallengeFor(negotiate.message, server));
    expect(served.flags.names).toContain('NTLM_NEGOTIATE_OEM');
    expect(served.flags.names).not.toContain('NTLMSSP_NEGOTIATE_UNICODE');
    expect(served.targetName).toMatchObject({ length: 3, value: 'LAB' });
  });
});

describe('the MIC (MS-NLMP §3.1.5.1.2, §3.2.5.1.2)', () => {
  it("unwraps §4.2.4's EncryptedSessionKey to its RandomSessionKey under the session base key", () => {
    const exported = ntlmExportedSessionKey(hex(MS_NLMP.sessionBaseKey), true, hex('c5dad2544fc9799094ce1ce90bc9d03e'));
    expect(toHexString(exported)).toBe('55'.repeat(16));
    expect(ntlmExportedSessionKey(hex(MS_NLMP.sessionBaseKey), false, new Uint8Array(0))).toEqual(hex(MS_NLMP.sessionBaseKey));
  });

  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  const serverChallenge = hex('0f0e0d0c0b0a0908');
  const negotiate = buildNtlmNegotiate({
    flags: [
      'NTLMSSP_NEGOTIATE_UNICODE',
      'NTLMSSP_REQUEST_TARGET',
      'NTLMSSP_NEGOTIATE_NTLM',
      'NTLMSSP_NEGOTIATE_SIGN',
      'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
      'NTLMSSP_NEGOTIATE_KEY_EXCH',
    ],
  });
  const handshake = async () => {
    const read = readNtlmMessage(negotiate, 'negotiate');
    if (read.kind !== 'message' || read.message.kind !== 'negotiate') throw new Error(read.kind);
    const challengeBytes = ntlmChallengeFor(read.message, { serverChallenge, domain: 'LAB', computer: 'LAB-SERVER', now });
    const { authenticate: bytes } = await ntlmAuthenticateFor(
      challenge(challengeBytes),
      { user: 'alice', domain: 'LAB', password: 'wonderland', workstation: 'PC' },
      { clientChallenge: hex('1112131415161718'), now, negotiate },
    );
    return { challengeBytes, bytes };
  };

  it('a client that announces a MIC is accepted when the three messages are the ones it saw', async () => {
    const { challengeBytes, bytes } = await handshake();
    const message = authenticate(bytes);
    expect(message.micAnnounced).toBe(true);
    expect(message.mic?.bytes).not.toEqual(new Uint8Array(16));
    const result = await verifyNtlmAuthenticate(message, { serverChallenge, users, handshake: { negotiate, challenge: challengeBytes } });
    expect(result.kind).toBe('valid');
  });

  it('refuses the handshake when a man in the middle stripped signing from the NEGOTIATE, or changed the AUTHENTICATE flags', async () => {
    const { challengeBytes, bytes } = await handshake();
    const stripped = negotiate.slice();
    stripped[12] = (stripped[12] ?? 0) & ~0x10; // NTLMSSP_NEGOTIATE_SIGN off
    const result = await verifyNtlmAuthenticate(authenticate(bytes), { serverChallenge, users, handshake: { negotiate: stripped, challenge: challengeBytes } });
    expect(result).toMatchObject({ kind: 'mic-mismatch', message: expect.stringMatching(/MIC/) });
    const changed = bytes.slice();
    changed[60] = (changed[60] ?? 0) ^ 0x10; // NTProofStr does not cover the flags; the MIC does
    expect((await verifyNtlmAuthenticate(authenticate(changed), { serverChallenge, users })).kind).toBe('valid');
    expect((await verifyNtlmAuthenticate(authenticate(changed), { serverChallenge, users, handshake: { negotiate, challenge: challengeBytes } })).kind).toBe(
      'mic-mismatch',
    );
  });
});
