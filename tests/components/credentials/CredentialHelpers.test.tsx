import './text-encoding';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CredentialHelpers } from '@/components/playground/credentials/CredentialHelpers';

const base = { challenges: [], method: 'GET', target: '/', body: '', onApply: () => {} };

describe('CredentialHelpers', () => {
  test('arrow keys, Home and End move between the tabs and show their panel', async () => {
    const user = userEvent.setup();
    render(<CredentialHelpers {...base} field="Authorization" />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab('Basic')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Basic');

    await user.click(tab('Basic'));
    await user.keyboard('{ArrowRight}');
    expect(tab('Bearer')).toHaveFocus();
    expect(tab('Bearer')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Basic')).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Bearer');
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Get a token' })).toBeVisible();

    await user.keyboard('{End}');
    expect(tab('Digest')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Basic')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Digest')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('Basic')).toHaveFocus();
    expect(tab('Basic')).toHaveAttribute('aria-selected', 'true');

    // Tab leaves the tab list for the panel's first input: one tab stop for the whole list.
    await user.tab();
    expect(screen.getByLabelText('User-id')).toHaveFocus();
  });

  test('always shows the warning; two instances are told apart by field and have unique ids', () => {
    const { container } = render(
      <>
        <CredentialHelpers {...base} field="Authorization" />
        <CredentialHelpers {...base} field="Proxy-Authorization" />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Write the Authorization header' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Write the Proxy-Authorization header' })).toBeInTheDocument();
    expect(screen.getAllByText(/Never type real credentials here: this is a learning lab; use alice \/ wonderland\./)).toHaveLength(2);
    expect(screen.getByRole('tablist', { name: 'Scheme for Proxy-Authorization' })).toBeInTheDocument();
    const ids = Array.from(container.querySelectorAll('[id]'), (el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('opens on the scheme the server asked for first, and keeps what was typed across tabs', async () => {
    const user = userEvent.setup();
    render(<CredentialHelpers {...base} field="Authorization" challenges={['Digest realm="lab", qop="auth", nonce="abc"', 'Basic realm="lab"']} />);
    expect(screen.getByRole('tab', { name: 'Digest' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    await user.clear(within(panel).getByLabelText('User name'));
    await user.type(within(panel).getByLabelText('User name'), 'Mufasa');
    await user.click(screen.getByRole('tab', { name: 'Basic' }));
    await user.click(screen.getByRole('tab', { name: 'Digest' }));
    expect(within(screen.getByRole('tabpanel')).getByLabelText('User name')).toHaveValue('Mufasa');
  });

  test.each(['Basic', 'Bearer', 'Digest'])('has no axe violations on the %s tab (structure only: jsdom cannot judge contrast)', async (name) => {
    const user = userEvent.setup();
    const digest = 'Digest realm="lab", qop="auth, auth-int", algorithm=SHA-256, nonce="abc"';
    const { container } = render(<CredentialHelpers {...base} field="Proxy-Authorization" challenges={[digest, digest.replace('SHA-256', 'MD5')]} />);
    await user.click(screen.getByRole('tab', { name }));
    const axe = (await import('axe-core')).default;
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
