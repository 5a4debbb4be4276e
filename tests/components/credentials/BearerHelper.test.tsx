import './text-encoding';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BearerHelper } from '@/components/playground/credentials/BearerHelper';

const base = { field: 'Authorization' as const, challenges: [], method: 'GET', target: '/', body: '' };
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

const b64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const TOKEN = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ scope: 'read write', iss: 'http-auth-lab', sub: 'alice', exp: NOW / 1000 + 300 })}.c2lnbmF0dXJl`;

// jsdom has no fetch; give spyOn something to replace.
if (!('fetch' in globalThis)) Object.assign(globalThis, { fetch: () => Promise.reject(new Error('no network in tests')) });

function answer(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

function setup(props: Partial<React.ComponentProps<typeof BearerHelper>> = {}) {
  const onApply = jest.fn();
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(<BearerHelper {...base} onApply={onApply} {...props} />);
  return { onApply, user };
}

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('BearerHelper', () => {
  test('asks the token endpoint without browser credentials, with the client in Basic and a form body', async () => {
    const fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(answer(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'read write' }));
    const { user } = setup();
    await user.clear(screen.getByLabelText('Scope (space-separated)'));
    await user.type(screen.getByLabelText('Scope (space-separated)'), ' read  write ');
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/sandbox/token');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { Authorization: 'Basic YWxpY2U6d29uZGVybGFuZA==', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=read+write&expires_in=300',
    });
  });

  test('sends the chosen lifetime', async () => {
    const fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(answer(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 30, scope: 'read' }));
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('Lifetime'), '30 seconds');
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(fetchSpy.mock.calls[0]?.[1]?.body).toBe('grant_type=client_credentials&scope=read&expires_in=30');
  });

  test('shows the decoded claims and a countdown that ticks, then says the token expired', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(answer(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'read write' }));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(await screen.findByText('expires in 5:00')).toBeInTheDocument();
    expect(screen.getByText(/"alg": "HS256"/)).toBeInTheDocument();
    expect(screen.getByText(/"sub": "alice"/)).toBeInTheDocument();
    expect(screen.getByText(/"scope": "read write"/)).toBeInTheDocument();
    expect(screen.getByText(/OAuth 2.0 token endpoint issued this token and JWT is only the format/)).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByText('expires in 4:59')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(311_000));
    expect(screen.getByText('expired 12 s ago')).toBeInTheDocument();
    expect(screen.getByText(/The token has expired/)).toBeInTheDocument();
  });

  test('shows the problem detail of a 401 in an alert', async () => {
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        answer(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Unknown client or wrong client secret.', error: 'invalid_client' }),
      );
    const { user } = setup();
    await user.clear(screen.getByLabelText('Client secret'));
    await user.type(screen.getByLabelText('Client secret'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The token endpoint answered 401: Unknown client or wrong client secret. (error: invalid_client)',
    );
    expect(screen.queryByRole('button', { name: 'Use this token' })).not.toBeInTheDocument();
  });

  test('says so when the endpoint cannot be reached', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the token endpoint (Failed to fetch).');
  });

  test('applies Bearer <token>, and copies the whole token', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(answer(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'read' }));
    const { user, onApply } = setup({ field: 'Proxy-Authorization' });
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    await user.click(await screen.findByRole('button', { name: 'Use this token' }));
    expect(onApply).toHaveBeenCalledWith(`Bearer ${TOKEN}`);
    expect(screen.getByText('Set Proxy-Authorization on the request.')).toBeInTheDocument();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith(TOKEN);
  });

  test("hints at the scope the server's Bearer challenge asks for", () => {
    setup({ challenges: ['Bearer realm="api", error="insufficient_scope", scope="write"'] });
    expect(screen.getByText(/asks for scope "write"/)).toBeInTheDocument();
  });

  test('runs one interval while a token is shown and clears it on unmount', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(answer(200, { access_token: 'opaque-token', token_type: 'Bearer', expires_in: 30, scope: 'read' }));
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const { unmount } = render(<BearerHelper {...base} onApply={jest.fn()} />);
    expect(jest.getTimerCount()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Get a token' }));
    expect(await screen.findByText('expires in 0:30')).toBeInTheDocument();
    expect(screen.getByText(/This token is not a JWT/)).toBeInTheDocument();
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
