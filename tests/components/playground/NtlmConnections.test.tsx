import './same-realm-bytes';
import { answerExchangeInProcess } from './exchange-in-process';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Playground } from '@/components/playground/Playground';
import { defaultState } from '@/lib/playground/model';
import { allPresets } from '@/lib/sandbox/scenario/presets';

// NTLM in the playground, by role: the conversation says which connection each request went on, and
// the split-connection preset ends with the refusal explained. /api/exchange is the real exchange run
// in-process, so every leg shown is one the lab really answered.

jest.setTimeout(30_000);

const sent = answerExchangeInProcess();

const ids = ['basic', 'ntlm', 'ntlm-proxy', 'ntlm-split-connection'];
const groups = [{ label: 'Connections', presets: allPresets().filter((preset) => ids.includes(preset.id)) }];

const result = () => screen.getByRole('region', { name: 'Result' });
const attempts = () => within(result()).getAllByRole('heading', { level: 3, name: /^Attempt \d/ });
const diagramWords = () => within(within(result()).getByRole('figure', { name: 'Playground conversation' })).getAllByRole('listitem');

async function choose(id: string) {
  const user = userEvent.setup();
  render(<Playground initialState={defaultState()} groups={groups} linkProblems={[]} />);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), id);
  return user;
}

describe('connections in the playground', () => {
  test('NTLM kept alive: three attempts on connection 1, said in the headings and the diagram’s words', async () => {
    const user = await choose('ntlm');
    expect(screen.getByRole('radio', { name: /^Keep one connection alive/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^3 requests: 401 → 401 → 200/))[0]).toBeInTheDocument();
    expect(attempts().map((heading) => heading.textContent)).toEqual([
      expect.stringMatching(/from the origin, new connection 1$/),
      expect.stringMatching(/from the origin, connection 1$/),
      expect.stringMatching(/from the origin, connection 1$/),
    ]);
    expect(attempts()[1]).not.toHaveTextContent('new connection');
    expect(within(result()).getByText('Client → Origin: request GET + Authorization (attempt 3, on connection 1)')).toBeInTheDocument();
    expect(within(result()).getAllByText('Sent on connection 1, kept alive from the previous request.')).toHaveLength(2);
    expect(within(result()).getByText(/bound to connection 1: the AUTHENTICATE must come back on that same connection/)).toBeInTheDocument();

    const axe = (await import('axe-core')).default;
    const scan = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a new connection between the legs: refused on connection 3, and the client says why', async () => {
    const user = await choose('ntlm-split-connection');
    expect(screen.getByRole('radio', { name: /^Open a new connection for each request/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^3 requests: 401 → 401 → 401/))[0]).toBeInTheDocument();
    expect(attempts().map((heading) => heading.textContent)).toEqual([
      expect.stringMatching(/new connection 1$/),
      expect.stringMatching(/new connection 2$/),
      expect.stringMatching(/new connection 3$/),
    ]);
    expect(diagramWords().map((item) => item.textContent)).toContain('Client → Origin: request GET + Authorization (attempt 3, on new connection 3)');
    // The server's reason, in the trace (and in the 401's problem detail).
    const trace = within(result())
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(trace).toContainEqual(expect.stringMatching(/^NTLM refused: The AUTHENTICATE arrived on connection 3, which has no NTLM handshake in progress/));
    expect(within(result()).getByText(/connection 3, but the CHALLENGE it answers was issued on connection 2/)).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ mode: 'auto', client: { connections: 'new-per-request' } });

    // The same client, kept alive, gets through: only the connections changed.
    await user.click(screen.getByRole('radio', { name: /^Keep one connection alive/ }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^3 requests: 401 → 401 → 200/))[0]).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ client: { connections: 'keep-alive' } });
  });

  test('NTLM at the proxy: 407, 407, then the origin’s 401 and 200, all on connection 1', async () => {
    const user = await choose('ntlm-proxy');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^4 requests: 407 → 407 → 401 → 200/))[0]).toBeInTheDocument();
    expect(diagramWords().map((item) => item.textContent)).toContain('Client → Proxy: request GET + Authorization (attempt 4, on connection 1)');
  });

  test('manual mode: an NTLM challenge is not offered a header builder, but auto mode', async () => {
    const user = await choose('ntlm');
    await user.click(screen.getByRole('radio', { name: /^Manual: one request at a time/ }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^1 request: 401/))[0]).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'NTLM cannot be answered by hand here' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Answer this challenge' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Switch to auto mode' }));
    expect(screen.getByRole('radio', { name: /^Auto: the client answers challenges/ })).toBeChecked();
    expect(screen.queryByRole('heading', { name: 'NTLM cannot be answered by hand here' })).toBeNull();
  });

  test('Basic on one connection says nothing about connections', async () => {
    const user = await choose('basic');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await within(result()).findAllByText(/^2 requests: 401 → 200/))[0]).toBeInTheDocument();
    expect(within(result()).queryByText(/connection \d/)).toBeNull();
  });
});
