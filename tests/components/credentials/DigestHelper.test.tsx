import './text-encoding';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DigestHelper } from '@/components/playground/credentials/DigestHelper';

// RFC 7616 §3.9.1.
const NONCE = '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v';
const OPAQUE = 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS';
const CNONCE = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';
const challenge = (algorithm: string) =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="${NONCE}", opaque="${OPAQUE}"`;
const SHA256_RESPONSE = '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1';

const base = { field: 'Authorization' as const, method: 'GET', target: '/dir/index.html', body: '' };

function setup(props: Partial<React.ComponentProps<typeof DigestHelper>> = {}) {
  const onApply = jest.fn();
  const user = userEvent.setup();
  render(<DigestHelper {...base} challenges={[challenge('SHA-256')]} cnonce={CNONCE} onApply={onApply} {...props} />);
  return { onApply, user };
}

async function typeMufasa(user: ReturnType<typeof userEvent.setup>) {
  await user.clear(screen.getByLabelText('User name'));
  await user.type(screen.getByLabelText('User name'), 'Mufasa');
  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), 'Circle of Life');
}

/** The value shown for a step, found by the step's name (a <dt>). */
function step(name: string | RegExp): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.querySelector('code')?.textContent ?? '';
}

/** A getRandomValues that is not random at all, so the cnonce is known. */
function filledWith(byte: number): typeof crypto.getRandomValues {
  return ((array: ArrayBufferView | null) => {
    if (array instanceof Uint8Array) array.fill(byte);
    return array;
  }) as typeof crypto.getRandomValues;
}

afterEach(() => jest.restoreAllMocks());

describe('DigestHelper', () => {
  test('asks for a request first when there is no Digest challenge', () => {
    setup({ challenges: [] });
    expect(screen.getByText('Send the request first to get a Digest challenge (its nonce).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use this header' })).not.toBeInTheDocument();
  });

  test('says why a Digest challenge with an unknown algorithm is ignored', () => {
    setup({ challenges: ['Basic realm="x"', challenge('SHA-512')] });
    expect(screen.getByText(/algorithm=SHA-512 is not one this client knows/)).toBeInTheDocument();
    expect(screen.getByText('Send the request first to get a Digest challenge (its nonce).')).toBeInTheDocument();
  });

  test('reproduces RFC 7616 §3.9.1 (SHA-256) step by step and applies the header', async () => {
    const { user, onApply } = setup();
    await typeMufasa(user);
    expect(step('A1 = username ":" realm ":" password')).toBe('Mufasa:http-auth@example.org:Circle of Life');
    expect(step('A2 = method ":" request-uri')).toBe('GET:/dir/index.html');
    const ha1 = step('H(A1), SHA-256');
    const ha2 = step('H(A2), SHA-256');
    expect(ha1).toMatch(/^[0-9a-f]{64}$/);
    expect(step(/^KD\(H\(A1\)/)).toBe(`${ha1}:${NONCE}:00000001:${CNONCE}:auth:${ha2}`);
    expect(step('response')).toBe(SHA256_RESPONSE);
    const header =
      `Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="${NONCE}", ` +
      `nc=00000001, cnonce="${CNONCE}", qop=auth, response="${SHA256_RESPONSE}", opaque="${OPAQUE}"`;
    expect(step('The Authorization value')).toBe(header);
    await user.click(screen.getByRole('button', { name: 'Use this header' }));
    expect(onApply).toHaveBeenCalledWith(header);
  });

  test('offers a choice labelled with the algorithm when there are several challenges (MD5 vector)', async () => {
    const { user } = setup({ challenges: [`${challenge('SHA-256')}, ${challenge('MD5')}`] });
    await typeMufasa(user);
    const select = screen.getByRole('combobox', { name: 'Challenge to answer' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Digest SHA-256, realm "http-auth@example.org"', 'Digest MD5, realm "http-auth@example.org"']);
    await user.selectOptions(select, 'Digest MD5, realm "http-auth@example.org"');
    expect(step('response')).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(screen.getByLabelText('User name')).toHaveValue('Mufasa');
  });

  test('auth-int adds H(body) to A2', async () => {
    const { user } = setup({ method: 'POST', body: 'hello' });
    await user.click(screen.getByRole('radio', { name: /auth-int/ }));
    // SHA-256("hello")
    const hBody = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    expect(step('H(body), SHA-256')).toBe(hBody);
    expect(step('A2 = method ":" request-uri ":" H(body)')).toBe(`POST:/dir/index.html:${hBody}`);
    expect(step(/^The Authorization value/)).toContain('qop=auth-int');
  });

  test('nc counts requests per nonce; a bad count is an announced error', async () => {
    const { user } = setup();
    const nc = screen.getByLabelText("nc (this request's number for this nonce)");
    await user.clear(nc);
    await user.type(nc, '2');
    expect(step(/^The Authorization value/)).toContain('nc=00000002');
    await user.clear(nc);
    await user.type(nc, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('nc is a count from 1');
    expect(nc).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Use this header' })).toBeDisabled();
  });

  test('makes its cnonce with crypto.getRandomValues and can make a new one', async () => {
    const fill = jest.spyOn(crypto, 'getRandomValues').mockImplementation(filledWith(0xab));
    const user = userEvent.setup();
    render(<DigestHelper {...base} challenges={[challenge('SHA-256')]} onApply={jest.fn()} />);
    expect(fill).toHaveBeenCalled();
    expect(screen.getByText('q6urq6urq6urq6urq6urq6urq6urq6ur')).toBeInTheDocument();
    expect(step(/^The Authorization value/)).toContain('cnonce="q6urq6urq6urq6urq6urq6urq6urq6ur"');
    fill.mockImplementation(filledWith(0));
    await user.click(screen.getByRole('button', { name: 'New cnonce' }));
    expect(step(/^The Authorization value/)).toContain('cnonce="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"');
  });
});
