import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TroubleshooterView } from '@/components/mdx/troubleshooter/TroubleshooterView';
import { TROUBLESHOOTING_TREE } from '@/lib/content/troubleshooting-tree';

// The server wrapper looks preset titles up in the sandbox (which needs Node's TextEncoder); here they are given.
const Troubleshooter = () => <TroubleshooterView tree={TROUBLESHOOTING_TREE} presetTitles={{ 'basic-missing-credentials': 'Basic: missing credentials' }} />;
const firstQuestion = () => screen.getByRole('group', { name: 'Question 1: What did the failing request get back?' });
const answer = (name: string) => screen.getByRole('button', { name });

describe('the troubleshooter', () => {
  test('starts at the first question, with nothing to go back to', () => {
    render(<Troubleshooter />);
    expect(within(firstQuestion()).getAllByRole('button')).toHaveLength(7);
    expect(answer('Back')).toBeDisabled();
    expect(answer('Start over')).toBeDisabled();
    expect(screen.queryByRole('navigation', { name: 'Your answers so far' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  test('walking to a cause shows it with its fix, its rule, a lesson and something to try', async () => {
    const user = userEvent.setup();
    render(<Troubleshooter />);
    await user.click(answer('401 Unauthorized'));
    const second = screen.getByRole('heading', { name: 'Question 2: Does the 401 carry a WWW-Authenticate header field?' });
    expect(second).toHaveFocus();
    await user.click(answer('Yes, with at least one challenge'));
    await user.click(answer('curl, a script or a server-side client'));
    await user.click(answer('No'));

    const cause = screen.getByRole('region', { name: 'Cause: No credentials were sent' });
    expect(screen.getByRole('heading', { name: 'Cause: No credentials were sent' })).toHaveFocus();
    expect(within(cause).getByRole('link', { name: 'RFC 9110 §11.6.2' })).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2');
    expect(within(cause).getByRole('link', { name: /Lesson 1/ })).toHaveAttribute(
      'href',
      '/lessons/authentication-vs-authorization#the-challenge-and-response-round-trip',
    );
    expect(within(cause).getByRole('link', { name: 'Try “Basic: missing credentials” in the playground' })).toHaveAttribute(
      'href',
      '/playground?p=basic-missing-credentials',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Cause found: No credentials were sent');

    const crumbs = within(screen.getByRole('navigation', { name: 'Your answers so far' })).getAllByRole('listitem');
    expect(crumbs.map((crumb) => crumb.textContent)).toEqual([
      'Change answer 1: 401 Unauthorized',
      '›Change answer 2: Yes, with at least one challenge',
      '›Change answer 3: curl, a script or a server-side client',
      '›Change answer 4: No',
    ]);
  });

  test('back returns to the last question, a breadcrumb to an earlier one, start over to the first', async () => {
    const user = userEvent.setup();
    render(<Troubleshooter />);
    await user.click(answer('403 Forbidden'));
    await user.click(answer('Yes'));
    expect(screen.getByRole('heading', { name: 'Cause: The token lacks a scope' })).toBeInTheDocument();

    await user.click(answer('Back'));
    expect(screen.getByRole('heading', { name: /Question 2: Does the 403 carry/ })).toHaveFocus();
    await user.click(answer('No'));
    expect(screen.getByRole('heading', { name: 'Cause: Known, but not permitted' })).toBeInTheDocument();

    await user.click(answer('Change answer 1: 403 Forbidden'));
    expect(firstQuestion()).toBeInTheDocument();
    await user.click(answer('400 Bad Request'));
    await user.click(screen.getByRole('button', { name: /^The syntax of Authorization/ }));
    expect(screen.getByRole('heading', { name: 'Cause: A malformed request' })).toBeInTheDocument();

    await user.click(answer('Start over'));
    expect(screen.getByRole('heading', { name: 'Question 1: What did the failing request get back?' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Question 1: What did the failing request get back?');
  });

  test('works from the keyboard alone', async () => {
    const user = userEvent.setup();
    render(<Troubleshooter />);
    await user.tab();
    expect(answer('401 Unauthorized')).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(answer('407 Proxy Authentication Required')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Cause: A proxy wants credentials' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(answer('Change answer 1: 407 Proxy Authentication Required')).toHaveFocus();
    await user.keyboard(' ');
    expect(firstQuestion()).toBeInTheDocument();
  });

  test('the outline lists every question and every cause once, without JavaScript', () => {
    render(<Troubleshooter />);
    const outline = screen.getByText('The whole tree as a list').closest('details');
    expect(outline).not.toBeNull();
    for (const node of TROUBLESHOOTING_TREE.nodes) {
      const text = (node.kind === 'question' ? node.prompt : node.title).replaceAll('`', '');
      const label = node.kind === 'question' ? text : `${node.notTheCause ? 'Not the cause: ' : 'Cause: '}${text}`;
      expect(within(outline as HTMLElement).getAllByText((_, element) => element?.tagName === 'P' && element.textContent === label)).toHaveLength(1);
    }
    // A node reached on two paths is written out once and linked from the other.
    expect(within(outline as HTMLElement).getAllByRole('link', { name: /see “The credentials were refused” above/ })).toHaveLength(1);
  });
});
