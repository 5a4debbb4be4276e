import { type HeldCredentials, chooseChallenge, parseChallenges } from '@/lib/http-auth';

const password: HeldCredentials = { password: { username: 'Mufasa', password: 'Circle of Life' } };
const both: HeldCredentials = { ...password, bearerToken: 'mF_9.B5f-4.1JqM' };

function challenges(header: string | string[]) {
  const result = parseChallenges(header);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const mixed = challenges([
  'Newauth realm="apps", type=1',
  'Basic realm="intranet", charset="UTF-8"',
  'Digest realm="intranet", nonce="n", qop="auth", algorithm=MD5',
  'Digest realm="intranet", nonce="n", qop="auth", algorithm=SHA-256',
  'Bearer realm="api"',
]);

describe('chooseChallenge', () => {
  it.each([
    // RFC 7616 §3.7: the first Digest challenge the client supports, here MD5 listed before SHA-256.
    ['a password picks the first Digest it supports', password, 2, 'digest'],
    ['a bearer token beats any password scheme', both, 4, 'bearer'],
    ['a token alone picks Bearer', { bearerToken: 't' }, 4, 'bearer'],
  ] as const)('%s', (_name, held, index, scheme) => {
    expect(chooseChallenge(mixed, held)).toMatchObject({ kind: 'chosen', index, scheme });
  });

  it('explains the choice and every challenge passed over', () => {
    const choice = chooseChallenge(mixed, password);
    expect(choice.explanation).toContain('Digest with MD5');
    expect(choice.explanation).toMatch(/Digest \(listed later: Digest with SHA-256/);
    expect(choice.explanation).toMatch(/Basic \(weaker: /);
    expect(choice.explanation).toContain('RFC 9110 §11.6.1');
    expect(choice.explanation).toContain('RFC 7616 §3.7');
    expect(choice.explanation).not.toContain('RFC 2617');
    expect(choice.explanation).toContain('Newauth');
    expect(choice.considered.map((c) => c.usable)).toEqual([false, true, true, true, false]);
  });

  // curl --anyauth's order (CURLOPT_HTTPAUTH; libcurl's pickoneauth), Bearer kept first.
  it.each([
    ['Negotiate beats Digest and Basic', ['Basic realm="r"', 'Digest realm="r", nonce="n", qop="auth"', 'Negotiate'], password, 2, 'negotiate'],
    ['Digest beats NTLM', ['NTLM', 'Digest realm="r", nonce="n", qop="auth"'], password, 1, 'digest'],
    ['NTLM beats Basic', ['Basic realm="r"', 'NTLM'], password, 1, 'ntlm'],
    ['a token beats Negotiate', ['Negotiate', 'Bearer realm="api"'], both, 1, 'bearer'],
    ['Negotiate beats NTLM', ['NTLM', 'Negotiate'], password, 1, 'negotiate'],
  ] as const)('%s', (_name, header, held, index, scheme) => {
    expect(chooseChallenge(challenges([...header]), held)).toMatchObject({ kind: 'chosen', index, scheme });
  });

  it('answers NTLM and Negotiate with a password only, and says they bind to the connection', () => {
    expect(chooseChallenge(challenges(['NTLM', 'Negotiate']), { bearerToken: 't' })).toMatchObject({ kind: 'none' });
    const choice = chooseChallenge(challenges('NTLM'), password);
    expect(choice).toMatchObject({ kind: 'chosen', scheme: 'ntlm' });
    expect(choice.explanation).toContain('connection');
  });

  it('treats an NTLM challenge carrying a token as the second leg of a handshake', () => {
    const choice = chooseChallenge(challenges('NTLM TlRMTVNTUAACAAAA'), password);
    expect(choice).toMatchObject({ kind: 'chosen', scheme: 'ntlm' });
    expect(choice.explanation).toContain('AUTHENTICATE on the same connection');
  });

  // Talk of choosing (and of ties) only when there was a choice to make.
  it.each([
    ['one Basic challenge', 'Basic realm="r"', false],
    ['one Digest challenge', 'Digest realm="r", nonce="n", qop="auth", algorithm=SHA-256', false],
    ['Basic and Digest', 'Basic realm="r", Digest realm="r", nonce="n", qop="auth"', true],
  ])('%s: speaks of choosing only among several', (_name, header, several) => {
    const choice = chooseChallenge(challenges(header), password);
    expect(choice.kind).toBe('chosen');
    expect(/on a tie|of several|RFC 9110 §11\.6\.1/.test(choice.explanation)).toBe(several);
    expect(choice.explanation).not.toContain('RFC 2617');
  });

  it.each([
    ['SHA-256 first', ['SHA-256', 'MD5'], 'SHA-256'],
    ['MD5 first', ['MD5', 'SHA-256'], 'MD5'],
    ['SHA-512-256 after SHA-256', ['SHA-256', 'SHA-512-256'], 'SHA-256'],
    ['an unknown algorithm first', ['SHA-512', 'MD5', 'SHA-256'], 'MD5'],
  ])('among Digest challenges, the first supported algorithm wins (RFC 7616 §3.7): %s', (_name, algorithms, expected) => {
    const list = challenges(algorithms.map((algorithm) => `Digest realm="r", nonce="n", qop="auth", algorithm=${algorithm}`));
    const choice = chooseChallenge(list, password);
    expect(choice).toMatchObject({ kind: 'chosen', index: algorithms.indexOf(expected), scheme: 'digest' });
    expect(choice.explanation).toContain(`Digest with ${expected}`);
  });

  it('prefers the earlier challenge on a tie (the server lists its preference first)', () => {
    const tie = challenges('Digest realm="a", nonce="1", qop="auth", algorithm=SHA-256-sess, Digest realm="b", nonce="2", qop="auth", algorithm=SHA-256');
    expect(chooseChallenge(tie, password)).toMatchObject({ kind: 'chosen', index: 0 });
  });

  it('ignores a Digest challenge with an unknown algorithm (RFC 7616 §3.3)', () => {
    const list = challenges('Digest realm="r", nonce="n", qop="auth", algorithm=SHA-512, Basic realm="r"');
    const choice = chooseChallenge(list, password);
    expect(choice).toMatchObject({ kind: 'chosen', index: 1, scheme: 'basic' });
    expect(choice.considered[0]).toMatchObject({ usable: false });
  });

  it('does not resend a token that lacks the scope, and says what to do', () => {
    const choice = chooseChallenge(challenges('Bearer realm="api", error="insufficient_scope", scope="photos:write"'), { bearerToken: 't' });
    expect(choice.kind).toBe('none');
    expect(choice.explanation).toContain('photos:write');
  });

  it('spells out what Basic exposes over plain HTTP', () => {
    const choice = chooseChallenge(challenges('Basic realm="r"'), password, { secure: false });
    expect(choice).toMatchObject({ kind: 'chosen', scheme: 'basic' });
    expect(choice.explanation).toContain('plain HTTP');
  });

  it('tells a user with no credentials that nothing can be answered', () => {
    expect(chooseChallenge(mixed, {})).toMatchObject({ kind: 'none' });
    expect(chooseChallenge([], password)).toMatchObject({ kind: 'none', considered: [] });
  });

  it('notes stale=true so the client retries without prompting', () => {
    const choice = chooseChallenge(challenges('Digest realm="r", nonce="n2", qop="auth", stale=true'), password);
    expect(choice.explanation).toContain('without asking the user again');
  });
});
