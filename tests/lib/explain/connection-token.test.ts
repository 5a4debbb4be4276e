import {
  NTLMSSP_OID,
  KERBEROS_OIDS,
  buildNtlmNegotiate,
  buildSpnegoInit,
  buildSpnegoResponse,
  encodeBase64,
  ntlmChallengeFor,
  readNtlmMessage,
} from '@/lib/http-auth';
import { explainResponse } from '@/lib/explain';
import { connectionTokenView } from '@/lib/explain/connection-token';

// An NTLM or Negotiate token opened for a learner (MS-NLMP §2.2.1, RFC 4178 §4.2), and the finding for a
// CHALLENGE sent with Connection: close, which makes every client loop.

const NEGOTIATE = buildNtlmNegotiate();
const read = readNtlmMessage(NEGOTIATE, 'negotiate');
if (read.kind !== 'message' || read.message.kind !== 'negotiate') throw new Error('NEGOTIATE does not read');
const CHALLENGE = ntlmChallengeFor(read.message, {
  serverChallenge: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
  domain: 'CORP',
  computer: 'PROXY1',
  now: Date.UTC(2026, 11, 6),
});

describe('connectionTokenView', () => {
  test('an NTLM CHALLENGE: rows in wire order, the flags by name, the target info with its timestamp', () => {
    const view = connectionTokenView('NTLM', encodeBase64(CHALLENGE));
    if (view?.kind !== 'ntlm') throw new Error(`not an NTLM view: ${JSON.stringify(view)}`);
    expect(view.message).toBe('CHALLENGE');
    expect(view.rows.map((row) => row.name).slice(0, 5)).toEqual(['Signature', 'MessageType', 'TargetNameFields', 'NegotiateFlags', 'ServerChallenge']);
    expect(view.rows.find((row) => row.name === 'ServerChallenge')).toMatchObject({ offset: 24, length: 8, value: '0102030405060708' });
    const offsets = view.rows.filter((row) => row.part === 'fixed').map((row) => row.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(view.flags.map((flag) => flag.name)).toContain('NTLMSSP_NEGOTIATE_TARGET_INFO');
    expect(view.flags.every((flag) => flag.meaning.length > 0)).toBe(true);
    expect(view.avPairs).toEqual(
      expect.arrayContaining([
        { name: 'MsvAvNbDomainName', value: 'CORP' },
        { name: 'MsvAvNbComputerName', value: 'PROXY1' },
        { name: 'MsvAvTimestamp', value: '2026-12-06T00:00:00.000Z' },
      ]),
    );
  });

  test('Negotiate: SPNEGO around NTLM is named, and the NTLM message inside opened', () => {
    const view = connectionTokenView(
      'negotiate',
      encodeBase64(buildSpnegoResponse({ negState: 'accept-incomplete', supportedMechanism: NTLMSSP_OID, responseToken: CHALLENGE })),
    );
    if (view?.kind !== 'spnego') throw new Error('not SPNEGO');
    expect(view.summary).toBe('SPNEGO NegTokenResp, negState accept-incomplete, mechanism NTLM.');
    expect(view.inner?.kind === 'ntlm' && view.inner.message).toBe('CHALLENGE');
    const init = connectionTokenView('Negotiate', encodeBase64(buildSpnegoInit({ mechanisms: [KERBEROS_OIDS[0] ?? '', NTLMSSP_OID] })));
    expect(init?.kind === 'spnego' && init.summary).toBe('SPNEGO NegTokenInit offering Kerberos V5, NTLM.');
  });

  test.each([
    ['NTLM', '###'],
    ['NTLM', encodeBase64(new TextEncoder().encode('not an NTLM message at all'))],
    ['Negotiate', encodeBase64(Uint8Array.of(0x30, 0x80, 0x00))],
  ])('%s %s: unreadable, said in words, never a throw', (scheme, token) => {
    expect(connectionTokenView(scheme, token)).toMatchObject({ kind: 'unreadable', text: expect.stringMatching(/^Not an? /) });
  });

  test('other schemes are not opened', () => {
    expect(connectionTokenView('Bearer', 'abc')).toBeUndefined();
  });
});

describe('a CHALLENGE sent with Connection: close', () => {
  const response = (connection: string, field = 'WWW-Authenticate', token = encodeBase64(CHALLENGE)) =>
    ['HTTP/1.1 401 Unauthorized', `${field}: NTLM ${token}`, `Connection: ${connection}`, 'Content-Length: 0', ''].join('\n');

  test.each([
    ['close', 'WWW-Authenticate'],
    ['keep-alive, close', 'Proxy-Authenticate'],
  ])('Connection: %s on %s: an error at the Connection field', (connection, field) => {
    const found = explainResponse(response(connection, field)).findings.filter((finding) => finding.code === 'connection-closed-mid-handshake');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 1, length: 'Connection'.length, rfc: 'RFC 9112 §9.6' })]);
  });

  test('keep-alive, or a bare NTLM challenge (step 1) with close: no such error', () => {
    expect(explainResponse(response('keep-alive')).findings.map((finding) => finding.code)).not.toContain('connection-closed-mid-handshake');
    const bare = ['HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: NTLM', 'Connection: close', ''].join('\n');
    expect(explainResponse(bare).findings.map((finding) => finding.code)).not.toContain('connection-closed-mid-handshake');
  });
});
