import '../credentials/text-encoding';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PkceHelper } from '@/components/playground/PkceHelper';
import { AccessTokenView } from '@/components/playground/AccessTokenView';

// RFC 7636 Appendix B: the verifier and the challenge S256 makes of it (the appendix's value, which
// Node's own SHA-256 agrees with; a value quoted elsewhere as E9Melhoa2OwvFrEXTJ4ZC… is not it).
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

async function typeVerifier(value: string) {
  const user = userEvent.setup();
  const field = screen.getByRole('textbox', { name: 'code_verifier' });
  await user.clear(field);
  if (value !== '') await user.type(field, value);
  return user;
}

describe('PkceHelper', () => {
  test('RFC 7636 Appendix B: the verifier typed in gives its challenge, computed in the page', async () => {
    render(<PkceHelper />);
    await typeVerifier(VERIFIER);
    expect(screen.getByText(CHALLENGE)).toBeInTheDocument();
    // SHA-256 of the verifier, before base64url (RFC 7636 Appendix B lists these 32 octets).
    expect(screen.getByText('13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3')).toBeInTheDocument();
  });

  test('the run’s verifier and challenge: it says they match, and that another verifier would be refused', async () => {
    render(<PkceHelper runVerifier={{ value: VERIFIER, step: 7 }} runChallenge={{ value: CHALLENGE, step: 5 }} />);
    expect(screen.getByRole('textbox', { name: 'code_verifier' })).toHaveValue(VERIFIER);
    expect(screen.getByText(/^Same as the code_challenge the client sent in step 5/)).toBeInTheDocument();
    const user = await typeVerifier('x'.repeat(43));
    expect(screen.getByText(/^Not the code_challenge the client sent in step 5.*invalid_grant/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use the verifier of step 7' }));
    expect(screen.getByText(CHALLENGE)).toBeInTheDocument();
  });

  test.each([
    ['too short', 'abc', /43 to 128 characters; this one has 3/],
    ['a character outside the unreserved set', `${'a'.repeat(42)}+`, /Character 43, “\+”, is not allowed/],
  ])('%s: said why, and no challenge', async (_name, value, why) => {
    render(<PkceHelper />);
    await typeVerifier(value);
    expect(screen.getByText(why)).toBeInTheDocument();
    expect(screen.queryByText('code_challenge')).not.toBeInTheDocument();
  });

  test('New verifier: 43 base64url characters (32 random bytes, RFC 7636 §7.1) and its challenge', async () => {
    render(<PkceHelper />);
    const field = screen.getByRole('textbox', { name: 'code_verifier' });
    const before = (field as HTMLInputElement).value;
    await userEvent.setup().click(screen.getByRole('button', { name: 'New verifier' }));
    const after = (field as HTMLInputElement).value;
    expect(after).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(after).not.toBe(before);
    expect(screen.getByText('code_challenge')).toBeInTheDocument();
  });
});

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('AccessTokenView', () => {
  test('header and claims decoded, said not to be verified, and what aud means', () => {
    const token = `${part({ alg: 'EdDSA', typ: 'at+jwt', kid: 'k1' })}.${part({ aud: 'http://lab.example/api/sandbox/oauth/whoami', sub: 'bob', scope: 'whoami' })}.c2ln`;
    render(<AccessTokenView token={token} />);
    expect(screen.getByRole('heading', { name: 'The access token, decoded (not verified)' })).toBeInTheDocument();
    expect(screen.getByText(/Decoding is not verifying/)).toBeInTheDocument();
    expect(screen.getByLabelText('Access token header')).toHaveTextContent('"typ": "at+jwt"');
    expect(screen.getByLabelText('Access token claims')).toHaveTextContent('"sub": "bob"');
    const why = screen.getByRole('heading', { name: 'Why aud matters' }).nextElementSibling;
    expect(why).toHaveTextContent(/aud is http:\/\/lab\.example\/api\/sandbox\/oauth\/whoami.*refuses a token whose aud is not itself \(RFC 9068 §4\)/);
  });

  test('a token that is not a JWT: nothing to decode, no made-up claims', () => {
    render(<AccessTokenView token="opaque-token" />);
    expect(screen.getByText('The access token is not a JWT, so there is nothing to decode.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Access token claims')).not.toBeInTheDocument();
  });
});
