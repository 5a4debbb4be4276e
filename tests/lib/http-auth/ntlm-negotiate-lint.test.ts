import { buildSpnegoResponse, encodeBase64, parseChallenges, parseCredentials } from '@/lib/http-auth';
import { MS_NLMP, SHORT_NEGOTIATE } from './support/ntlm-vectors';

const challengeCodes = (header: string) => {
  const parsed = parseChallenges(header);
  return parsed.ok ? parsed.warnings.map((d) => d.code) : [`failed:${parsed.error.code}`];
};
const credentialCodes = (header: string) => {
  const parsed = parseCredentials(header);
  return parsed.ok ? parsed.warnings.map((d) => d.code) : [`failed:${parsed.error.code}`];
};
const v1Authenticate = () => {
  const bytes = MS_NLMP.authenticateMessage.slice();
  new DataView(bytes.buffer).setUint16(20, 24, true); // NtChallengeResponseLen 24: an NTLM v1 response
  return encodeBase64(bytes);
};

describe('lint for NTLM and Negotiate challenges', () => {
  it.each([
    ['the bare schemes that open the handshake', 'Negotiate, NTLM', []],
    ['the second leg, NTLM with a CHALLENGE', `NTLM ${encodeBase64(MS_NLMP.challengeMessage)}`, []],
    ['Negotiate with a NegTokenResp', `Negotiate ${encodeBase64(buildSpnegoResponse({ negState: 'accept-completed' }))}`, []],
    ['NTLM with a realm', 'NTLM realm="corp"', ['ntlm-params']],
    ['Negotiate with a realm', 'Negotiate realm="corp"', ['negotiate-params']],
    ['NTLM with a NEGOTIATE where the CHALLENGE belongs', `NTLM ${SHORT_NEGOTIATE}`, ['ntlm-wrong-message']],
    ['NTLM with a token that is no message', 'NTLM Zm9vYmFy', ['ntlm-bad-message']],
    ['Negotiate with a token that is none of its kinds', 'Negotiate Zm9vYmFy', ['negotiate-bad-token']],
  ])('%s', (_label, header, codes) => {
    expect(challengeCodes(header)).toEqual(codes);
  });
});

describe('lint for NTLM and Negotiate credentials', () => {
  it.each([
    ['an NTLM NEGOTIATE', `NTLM ${SHORT_NEGOTIATE}`, []],
    ['an NTLM AUTHENTICATE', `NTLM ${encodeBase64(MS_NLMP.authenticateMessage)}`, []],
    ['raw NTLM inside Negotiate', `Negotiate ${SHORT_NEGOTIATE}`, []],
    ['NTLM without a token', 'NTLM', ['ntlm-not-token68']],
    ['Negotiate with parameters', 'Negotiate user="alice"', ['negotiate-not-token68']],
    ['a CHALLENGE sent back by the client', `NTLM ${encodeBase64(MS_NLMP.challengeMessage)}`, ['ntlm-wrong-message']],
    ['an NTLM v1 AUTHENTICATE', `NTLM ${v1Authenticate()}`, ['ntlm-v1-response']],
    ['a token that is not base64', 'NTLM TlRM.TVNT', ['ntlm-bad-message']],
  ])('%s', (_label, header, codes) => {
    expect(credentialCodes(header)).toEqual(codes);
  });

  it('points at the bad character of a token that is not base64', () => {
    const parsed = parseCredentials('Negotiate YII.');
    expect(parsed.ok && parsed.warnings[0]).toMatchObject({ code: 'negotiate-bad-token', index: 13 });
  });
});
