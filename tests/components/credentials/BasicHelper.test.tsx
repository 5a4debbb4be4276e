import './text-encoding';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BasicHelper } from '@/components/playground/credentials/BasicHelper';

const base = { field: 'Authorization' as const, challenges: [], method: 'GET', target: '/', body: '' };

function setup(props: Partial<React.ComponentProps<typeof BasicHelper>> = {}) {
  const onApply = jest.fn();
  const user = userEvent.setup();
  render(<BasicHelper {...base} onApply={onApply} {...props} />);
  return { onApply, user };
}

async function typeCredentials(user: ReturnType<typeof userEvent.setup>, id: string, password: string) {
  await user.clear(screen.getByLabelText('User-id'));
  await user.type(screen.getByLabelText('User-id'), id);
  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), password);
}

describe('BasicHelper', () => {
  test('shows every step for test / 123£ in UTF-8, then the different ISO-8859-1 bytes (RFC 7617 §2.1)', async () => {
    const { user } = setup();
    await typeCredentials(user, 'test', '123£');
    expect(screen.getByText('test:123£')).toBeInTheDocument();
    expect(screen.getByText('74 65 73 74 3A 31 32 33 C2 A3')).toBeInTheDocument();
    expect(screen.getByText('74 65 73 74 3A 31 32 33 A3')).toBeInTheDocument();
    expect(screen.getByText('£ U+00A3: UTF-8 C2 A3; ISO-8859-1 A3')).toBeInTheDocument();
    expect(screen.getByText('dGVzdDoxMjPCow==')).toBeInTheDocument();
    expect(screen.getByText('Basic dGVzdDoxMjPCow==')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'ISO-8859-1 (legacy)' }));
    expect(screen.getByText('dGVzdDoxMjOj')).toBeInTheDocument();
    expect(screen.getByText('Basic dGVzdDoxMjOj')).toBeInTheDocument();
    expect(screen.queryByText('dGVzdDoxMjPCow==')).not.toBeInTheDocument();
  });

  test('refuses ":" in the user-id with an announced error tied to the input (RFC 7617 §2)', async () => {
    const { user, onApply } = setup();
    await typeCredentials(user, 'a:b', 'pw');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Error: A user-id cannot contain ":"');
    const input = screen.getByLabelText('User-id');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Use this header' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Use this header' }));
    expect(onApply).not.toHaveBeenCalled();
  });

  test('refuses control characters, under the field that holds them', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a\tb' } });
    expect(screen.getByRole('alert')).toHaveTextContent('a tab is a control character');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  test('ISO-8859-1 cannot encode characters above U+00FF', async () => {
    const { user } = setup();
    await typeCredentials(user, 'Łukasz', 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'ISO-8859-1 (legacy)' }));
    expect(screen.getByRole('alert')).toHaveTextContent("'Ł' has no ISO-8859-1 byte");
    expect(screen.getByText(/No bytes: a character is above U\+00FF/)).toBeInTheDocument();
  });

  test('applies Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== for Aladdin / open sesame and says so', async () => {
    const { user, onApply } = setup({ field: 'Proxy-Authorization' });
    await typeCredentials(user, 'Aladdin', 'open sesame');
    await user.click(screen.getByRole('button', { name: 'Use this header' }));
    expect(onApply).toHaveBeenCalledWith('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(screen.getByRole('status')).toHaveTextContent('Set Proxy-Authorization on the request.');
  });

  test('the password is hidden until the reader asks to see it', async () => {
    const { user } = setup();
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide password' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('says when the challenge asked for UTF-8; Esc in an input changes nothing', async () => {
    const { user } = setup({ challenges: ['Basic realm="lab", charset="UTF-8"'] });
    expect(screen.getByText(/The server's challenge says charset="UTF-8"/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('User-id'));
    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('User-id')).toHaveValue('alice');
    await user.tab();
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });
});
