jest.setTimeout(60_000);
// The DPoP proof builder against the lab's real sandbox router, in-process (lab-in-process.ts): the steps
// come in order (a key, then the sign-in, then the resource, then the breaks), each request is shown with
// the lab's answer, and a broken field comes back refused with the lab's own reason.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installWebPlatform, labFetch, type LabCall } from './lab-in-process';

let DpopBuilder: typeof import('@/components/playground/dpop/DpopBuilder').DpopBuilder;
let PROOF_BREAKS: typeof import('@/lib/playground/dpop/proof-breaks').PROOF_BREAKS;
const calls: LabCall[] = [];

beforeAll(async () => {
  installWebPlatform();
  global.fetch = await labFetch(calls);
  // Loaded once WebCrypto and TextEncoder are in place: lib/http-auth needs them when it loads.
  ({ DpopBuilder } = await import('@/components/playground/dpop/DpopBuilder'));
  ({ PROOF_BREAKS } = await import('@/lib/playground/dpop/proof-breaks'));
});

beforeEach(() => {
  calls.length = 0;
});

const status = () => screen.getByRole('status');

async function signedIn(user: ReturnType<typeof userEvent.setup>, password = 'wonderland') {
  render(<DpopBuilder />);
  expect(screen.queryByRole('textbox', { name: 'User name' })).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Generate a key' }));
  await screen.findByText(/^Key generated\. Thumbprint /);
  await user.type(screen.getByRole('textbox', { name: 'User name' }), 'alice');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in and get a token' }));
}

test('a key, then the token through the token endpoint’s nonce, then the resource through its own nonce', async () => {
  const user = userEvent.setup();
  await signedIn(user);
  await within(status()).findByText('Token issued, bound to your key.', {}, { timeout: 10_000 });
  expect(calls.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toEqual([
    'POST /api/sandbox/oauth/register',
    'GET /api/sandbox/oauth/authorize',
    'POST /api/sandbox/oauth/authorize',
    'GET /playground',
    'POST /api/sandbox/oauth/token',
    'POST /api/sandbox/oauth/token',
  ]);
  expect(screen.getByRole('article', { name: 'Register a public client' })).toHaveTextContent(/201\s*Created/);
  expect(screen.getByRole('article', { name: 'Token request with a proof, no nonce yet' })).toHaveTextContent(/Refused: 400 use_dpop_nonce.*DPoP-Nonce:/);
  expect(screen.getByRole('article', { name: 'Token request again, with the nonce' })).toHaveTextContent('Accepted: 200');
  const jkt: string =
    screen
      .getByText(/^Thumbprint \(jkt\)/)
      .closest('p')
      ?.querySelector('code')?.textContent ?? '';
  expect(jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(screen.getByText(/is your key’s thumbprint/)).toHaveTextContent(`cnf.jkt ${jkt} is your key’s thumbprint`);
  // The proof to sign, shown before it is: its header and claims.
  expect(screen.getByRole('figure', { name: 'Proof header' })).toHaveTextContent('"typ": "dpop+jwt"');
  expect(screen.getByRole('figure', { name: 'Proof claims' })).toHaveTextContent(/"htm": "GET".*"ath": /);

  const send = screen.getByRole('button', { name: 'Sign and send GET /api/sandbox/oauth/dpop' });
  await user.click(send);
  await within(status()).findByText('Refused: 401 use_dpop_nonce');
  expect(screen.getByRole('figure', { name: 'Proof claims' })).toHaveTextContent('"nonce": ');
  await user.click(send);
  await within(status()).findByText('Accepted: 200');
  expect(screen.getByRole('article', { name: 'Call 2: GET /api/sandbox/oauth/dpop' })).toHaveTextContent(/"sub": ?"alice"/);
});

/** Signed in, token issued, and one request through the resource's nonce round trip to 200: where the breaks start. */
async function acceptedOnce() {
  const user = userEvent.setup();
  await signedIn(user);
  await within(status()).findByText('Token issued, bound to your key.', {}, { timeout: 10_000 });
  const send = screen.getByRole('button', { name: 'Sign and send GET /api/sandbox/oauth/dpop' });
  await user.click(send);
  await within(status()).findByText('Refused: 401 use_dpop_nonce');
  await user.click(send);
  await within(status()).findByText('Accepted: 200');
  return user;
}

test('breaks: a proof for another URL is refused with the lab’s reason, and a replayed proof too', async () => {
  const user = await acceptedOnce();

  const breaks = screen.getByRole('group', { name: 'Field to break' });
  await user.click(within(breaks).getByRole('radio', { name: 'htu: another URL' }));
  await user.click(screen.getByRole('button', { name: 'Send the broken request' }));
  await within(status()).findByText(/^Refused: 401 invalid_dpop_proof\. /);
  const htu = screen.getByRole('article', { name: 'Broken request: htu: another URL' });
  expect(htu).toHaveTextContent(/The lab says: .*htu/);
  expect(screen.getByRole('figure', { name: 'Claims sent' })).toHaveTextContent('/api/sandbox/oauth/whoami');

  await user.click(within(breaks).getByRole('radio', { name: 'jti: reused (replay)' }));
  await user.click(screen.getByRole('button', { name: 'Send the broken request' }));
  await within(status()).findByText(/^Refused: 401 invalid_dpop_proof\. .*used before/);
});

test('every break on the list is refused by the lab, each with an error code and a reason it gave', async () => {
  const user = await acceptedOnce();
  const breaks = screen.getByRole('group', { name: 'Field to break' });
  const answers: string[] = [];
  for (const entry of PROOF_BREAKS) {
    await user.click(within(breaks).getByRole('radio', { name: entry.label }));
    await user.click(screen.getByRole('button', { name: 'Send the broken request' }));
    const article = await screen.findByRole('article', { name: `Broken request: ${entry.label}` });
    answers.push(`${entry.kind}: ${article.textContent?.match(/(Refused|Accepted): \d+( [a-z_]+)?/)?.[0]}`);
    expect(article).toHaveTextContent(/The lab says: \S/);
  }
  expect(answers.filter((answer) => !/: Refused: 401 (invalid_dpop_proof|use_dpop_nonce|invalid_token)$/.test(answer))).toEqual([]);
});

test('a wrong password: no token, the consent page’s own reason shown', async () => {
  const user = userEvent.setup();
  await signedIn(user, 'not-the-password');
  await within(status()).findByText(/^No token: /, {}, { timeout: 10_000 });
  expect(screen.getByRole('alert')).toHaveTextContent(/^No token: Not signed in:/);
  expect(screen.queryByRole('button', { name: /Sign and send/ })).toBeNull();
});
