import './same-realm-bytes';
import { answerExchangeInProcess } from './exchange-in-process';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Playground } from '@/components/playground/Playground';
import { defaultState } from '@/lib/playground/model';
import { OAUTH_DPOP_PRESET, OAUTH_PRESETS, OAUTH_STEP_UP_PRESET } from '@/lib/playground/oauth-preset';

// The step-up and DPoP starts in the playground, by role: the transfer's 401 insufficient_user_authentication, the
// second authorization request, the page's one-time code. /api/exchange is the real exchange in-process.

jest.setTimeout(60_000);

const sent = answerExchangeInProcess();

const groups = [{ label: 'OAuth: where a token comes from', presets: OAUTH_PRESETS.map(({ id, title, summary }) => ({ id, title, summary })) }];
const result = () => screen.getByRole('region', { name: 'Result' });

async function choose(id: string) {
  const user = userEvent.setup();
  render(<Playground initialState={defaultState()} groups={groups} linkProblems={[]} />);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), id);
  return user;
}
const chooseStepUp = () => choose(OAUTH_STEP_UP_PRESET.id);

describe('the step-up and DPoP starts in the playground', () => {
  test('Send: twelve hops, the step-up 401 followed, the code the page shows typed, the transfer approved', async () => {
    const user = await chooseStepUp();
    expect(screen.getByRole('radio', { name: /^OAuth: the client follows/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      (await within(result()).findAllByText(/^12 requests: 401 → 200 → 200 → 201 → 200 → 303 → 200 → 401 → 200 → 303 → 200 → 200/))[0],
    ).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ mode: 'oauth', request: { method: 'POST', target: '/api/sandbox/oauth/transfer' } });
    expect(within(result()).getByText(/error="insufficient_user_authentication": the token is valid, but the sign-in behind it/)).toBeInTheDocument();
    expect(within(result()).getByText(/you type the one the page shows, 246810/)).toBeInTheDocument();
    const diagram = within(result()).getByRole('figure', { name: 'Playground conversation' });
    expect(within(diagram).getByText('Browser → Authorization server: request GET authorize (acr_values, max_age) (step 9)')).toBeInTheDocument();
  });

  test('a wrong one-time code typed in the sign-in: the page refuses it and the chain stops there', async () => {
    const user = await chooseStepUp();
    const signIn = screen.getByRole('group', { name: 'On the consent page, you sign in as' });
    await user.type(within(signIn).getByRole('textbox', { name: 'One-time code, if the page asks' }), '111111');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^10 requests: .*→ 401 → 200 → 200/))[0]).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ signIn: { otp: '111111' } });
    expect(within(result()).getByText(/The page came back instead of a redirect: “Not signed in: The one-time code is wrong/)).toBeInTheDocument();
  });

  test('the DPoP start: Send, both nonce round trips shown, the proofs decoded in the steps, 200', async () => {
    const user = await choose(OAUTH_DPOP_PRESET.id);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^10 requests: 401 → 200 → 200 → 201 → 200 → 303 → 400 → 200 → 401 → 200/))[0]).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ mode: 'oauth', request: { method: 'GET', target: '/api/sandbox/oauth/dpop' } });
    expect(within(result()).getByText(/400 use_dpop_nonce: the token endpoint wants a proof carrying a nonce/)).toBeInTheDocument();
    expect(within(result()).getByText(/error="use_dpop_nonce" and a DPoP-Nonce: the resource wants its own nonce/)).toBeInTheDocument();
    expect(within(result()).getAllByText(/The DPoP proof sent, decoded: header typ="dpop\+jwt", alg="ES256"/)).toHaveLength(4);
    const diagram = within(result()).getByRole('figure', { name: 'Playground conversation' });
    expect(within(diagram).getByText('Client → Resource server: request GET + proof with nonce (step 10)')).toBeInTheDocument();
  });
});
