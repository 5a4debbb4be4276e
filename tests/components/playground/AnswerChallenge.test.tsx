import '../credentials/text-encoding';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Playground } from '@/components/playground/Playground';
import { stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import type { ExchangeStep, Transcript } from '@/lib/sandbox/exchange/input';

// Manual mode stops at a 401 or 407 (issue #16, bug 7): "Answer this challenge", right under that
// response, opens the header builder pre-filled from that response's challenge, moves focus to it,
// and the header it builds lands in the request editor for the next Send. The challenge is RFC
// 7616 §3.9.1's, so the realm and nonce shown can only have come from this response.

// The whole Playground mounts, and the lazy header builder hashes with Digest: measured 3.8 s for
// the first test alone, more on a busy machine, so the 5 s default is too tight.
jest.setTimeout(20_000);

const REALM = 'http-auth@example.org';
const NONCE = '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function step(status: number, headers: [string, string][], request: [string, string][] = []): ExchangeStep {
  const raw = `HTTP/1.1 ${status}\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n`;
  return {
    request: { method: 'GET', target: TARGET, headers: request, body: '', raw: `GET ${TARGET} HTTP/1.1\r\n\r\n` },
    response: { status, headers, body: '', raw },
    respondedBy: status === 407 ? 'proxy' : 'origin',
    trace: [],
    next: { kind: 'stop', explanation: 'Manual mode: you decide what to send next.' },
  };
}

const TARGET = manualState().request.target;

function manualState(): PlaygroundState {
  const preset = findPreset('digest');
  if (!preset) throw new Error('no digest preset');
  const state = stateForPreset(preset);
  return { ...state, mode: 'manual', request: { ...state.request, method: 'GET', headers: [] } };
}

function answerWith(steps: ExchangeStep[]) {
  const transcript: Transcript = { mode: 'manual', steps };
  global.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => transcript })) as unknown as typeof fetch;
}

function headerValues(): string[][] {
  const editor = screen.getByRole('group', { name: '2. Request' });
  return within(editor)
    .queryAllByRole('textbox', { name: /^Header \d+ name$/ })
    .map((name, index) => [
      (name as HTMLInputElement).value,
      (within(editor).getByRole('textbox', { name: `Header ${index + 1} value` }) as HTMLInputElement).value,
    ]);
}

beforeAll(() => {
  // jsdom has no structuredClone (browsers and Node do); the URL state uses it on plain JSON data.
  globalThis.structuredClone ??= <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
});

beforeEach(() => {
  window.history.replaceState(null, '', '/playground');
});

describe('Answer this challenge (manual mode)', () => {
  test('a 401 with a Digest challenge: the builder shows its realm and nonce, and its header goes into the request editor', async () => {
    answerWith([step(401, [['WWW-Authenticate', `Digest realm="${REALM}", nonce="${NONCE}", qop="auth", algorithm=SHA-256`]])]);
    const user = userEvent.setup();
    render(<Playground initialState={manualState()} groups={[]} linkProblems={[]} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const result = screen.getByRole('region', { name: 'Result' });
    const offer = await within(result).findByRole('button', { name: 'Answer this challenge' });
    expect(offer).toHaveAttribute('aria-expanded', 'false');
    await user.click(offer);
    expect(offer).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(within(result).getByRole('heading', { name: 'Answer the 401 with Authorization' })).toHaveFocus());

    const digestTab = await within(result).findByRole('tab', { name: 'Digest' });
    expect(digestTab).toHaveAttribute('aria-selected', 'true');
    const panel = within(result).getByRole('tabpanel', { name: 'Digest' });
    expect(within(panel).getByText(new RegExp(`realm "${REALM}"`))).toBeInTheDocument();
    expect(within(panel).getByText(NONCE)).toBeInTheDocument();

    expect(headerValues().some(([name]) => name === 'Authorization')).toBe(false);
    await user.click(within(panel).getByRole('button', { name: 'Use this header' }));
    const authorization = headerValues().find(([name]) => name === 'Authorization');
    const target = manualState().request.target;
    expect(authorization?.[1]).toMatch(
      new RegExp(`^Digest username="alice", realm="${escape(REALM)}", uri="${escape(target)}", algorithm=SHA-256, nonce="${escape(NONCE)}"`),
    );
    expect(within(result).getByRole('button', { name: 'Send the answer' })).toBeInTheDocument();

    const axe = (await import('axe-core')).default;
    const scan = await axe.run(result as HTMLElement, { rules: { 'color-contrast': { enabled: false } } });
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a proxy 407 is answered with Proxy-Authorization', async () => {
    answerWith([step(407, [['Proxy-Authenticate', 'Basic realm="proxy"']])]);
    const user = userEvent.setup();
    render(<Playground initialState={manualState()} groups={[]} linkProblems={[]} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const result = screen.getByRole('region', { name: 'Result' });
    await user.click(await within(result).findByRole('button', { name: 'Answer this challenge' }));
    await waitFor(() => expect(within(result).getByRole('heading', { name: 'Answer the 407 with Proxy-Authorization' })).toHaveFocus());
    const panel = await within(result).findByRole('tabpanel', { name: 'Basic' });
    await user.click(within(panel).getByRole('button', { name: /Use this header|Set Proxy-Authorization/ }));
    expect(headerValues().find(([name]) => name === 'Proxy-Authorization')?.[1]).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
  });

  test.each([
    ['a 200', step(200, [['Content-Type', 'application/json']])],
    ['a 403', step(403, [['WWW-Authenticate', 'Bearer error="insufficient_scope"']])],
  ])('%s gets no offer', async (_name, only) => {
    answerWith([only]);
    const user = userEvent.setup();
    render(<Playground initialState={manualState()} groups={[]} linkProblems={[]} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findAllByText(/1 request: /);
    expect(screen.queryByRole('button', { name: 'Answer this challenge' })).toBeNull();
  });
});
