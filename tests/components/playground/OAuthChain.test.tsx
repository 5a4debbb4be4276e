import './same-realm-bytes';
import { answerExchangeInProcess } from './exchange-in-process';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Playground } from '@/components/playground/Playground';
import { defaultState } from '@/lib/playground/model';
import { OAUTH_PRESET } from '@/lib/playground/oauth-preset';

// The OAuth chain in the playground, by role: choose the OAuth start, sign in, Send. /api/exchange is the
// real exchange run in-process (the fetch the page makes is answered by runExchange through the router),
// so every hop shown is one the lab really answered.

jest.setTimeout(30_000);

const sent = answerExchangeInProcess();

const groups = [{ label: 'OAuth: where a token comes from', presets: [{ id: OAUTH_PRESET.id, title: OAUTH_PRESET.title, summary: OAUTH_PRESET.summary }] }];

const result = () => screen.getByRole('region', { name: 'Result' });
const stepHeadings = () => within(result()).getAllByRole('heading', { level: 3, name: /^Step \d/ });

async function chooseOAuth() {
  const user = userEvent.setup();
  render(<Playground initialState={defaultState()} groups={groups} linkProblems={[]} />);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), OAUTH_PRESET.id);
  return user;
}

describe('the OAuth chain in the playground', () => {
  test('choose the OAuth start and Send: eight hops, the consent ones the browser’s, then PKCE and the token', async () => {
    const user = await chooseOAuth();
    expect(screen.getByRole('radio', { name: /^OAuth: the client follows/ })).toBeChecked();
    const signIn = screen.getByRole('group', { name: 'On the consent page, you sign in as' });
    expect(within(signIn).getByRole('textbox', { name: 'User name' })).toHaveValue('alice');
    expect(within(signIn).getByRole('radio', { name: 'Allow' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect((await within(result()).findAllByText(/^8 requests: 401 → 200 → 200 → 201 → 200 → 303 → 200 → 200/))[0]).toBeInTheDocument();
    const headings = stepHeadings().map((heading) => heading.textContent ?? '');
    expect(headings).toHaveLength(8);
    expect(headings.map((text) => text.includes('(the browser)'))).toEqual([false, false, false, false, true, true, false, false]);
    expect(headings[1]).toMatch(/GET \/\.well-known\/oauth-protected-resource\/api\/sandbox\/oauth\/whoami.*from the resource server/);
    expect(headings[2]).toMatch(/from the authorization server/);
    // The sequence diagram's words: the consent hops go between the browser and the authorization server.
    const diagram = within(result()).getByRole('figure', { name: 'Playground conversation' });
    expect(within(diagram).getByText('Browser → Authorization server: request GET authorize (consent page) (step 5)')).toBeInTheDocument();
    expect(within(diagram).getByText('Client → Resource server: request GET + Bearer token (step 8)')).toBeInTheDocument();
    expect(within(result()).getByText(/the resource checked the token’s signature, issuer, audience and expiry/)).toBeInTheDocument();

    expect(screen.getByText('Same as the code_challenge the client sent in step 5: this is the verifier that redeems the code.')).toBeInTheDocument();
    const token = screen.getByRole('region', { name: 'The access token, decoded (not verified)' });
    expect(within(token).getByLabelText('Access token claims')).toHaveTextContent('"aud": "http://lab.example/api/sandbox/oauth/whoami"');
    expect(within(token).getByLabelText('Access token header')).toHaveTextContent('"typ": "at+jwt"');
    // Why aud matters, live: the same token at the lab's MCP server is refused, saying why.
    await user.click(within(token).getByRole('button', { name: 'Send this token to the lab’s MCP server' }));
    expect(
      await within(token).findByText(
        'This token is for http://lab.example/api/sandbox/oauth/whoami, not http://lab.example/api/sandbox/oauth/mcp: ask for a token with resource=http://lab.example/api/sandbox/oauth/mcp (RFC 8707 §2, RFC 9068 §4).',
      ),
    ).toBeInTheDocument();
    expect(within(token).getByText('POST /api/sandbox/oauth/mcp answered 401 with error="invalid_token":')).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ mode: 'manual', request: { method: 'POST', target: '/api/sandbox/oauth/mcp' } });

    const axe = (await import('axe-core')).default;
    const scan = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a wrong password: the consent page comes back with its error, and no token', async () => {
    const user = await chooseOAuth();
    const password = screen.getByRole('textbox', { name: 'Password' });
    await user.clear(password);
    await user.type(password, 'looking-glass');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^6 requests: 401 → 200 → 200 → 201 → 200 → 200/))[0]).toBeInTheDocument();
    expect(sent).toEqual([expect.objectContaining({ mode: 'oauth', signIn: { username: 'alice', password: 'looking-glass', decision: 'allow' } })]);
    expect(
      within(result()).getByText(/The page came back instead of a redirect: “Not signed in: That user name and password do not match/),
    ).toBeInTheDocument();
    expect(screen.getByText('This run got no access token, so there is none to decode.')).toBeInTheDocument();
  });

  test('Deny: the browser goes back to the client with error=access_denied', async () => {
    const user = await chooseOAuth();
    await user.click(screen.getByRole('radio', { name: 'Deny' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^6 requests: 401 → 200 → 200 → 201 → 200 → 303/))[0]).toBeInTheDocument();
    expect(stepHeadings().at(-1)).toHaveTextContent('Step 6 (the browser):');
    expect(within(result()).getByText(/sent back to the client with error=access_denied/)).toBeInTheDocument();
  });

  test('the share link carries the OAuth start and the sign-in', async () => {
    const user = await chooseOAuth();
    await user.click(screen.getByRole('radio', { name: 'Deny' }));
    expect(window.location.search).toBe('?v=1&p=oauth-discovery&consent=deny');
  });
});
