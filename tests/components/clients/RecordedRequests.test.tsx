import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordedRequests } from '@/components/clients/RecordedRequests';
import type { ReportedRequest } from '@/lib/clients/run-api';

// What the lab saw of a run's requests for one case, in words a reader expects: which request of the
// conversation it was, and why the lab refused it, without the lab's internal ids.

const basic = { field: 'Authorization', scheme: 'Basic', shape: { kind: 'basic' }, check: { kind: 'verified' } };
const requests: ReportedRequest[] = [
  {
    leg: 'first',
    method: 'GET',
    target: '/api/sandbox/runs/r1/cases/redirect-same-origin',
    authorization: basic,
    status: 302,
    outcome: 'redirected',
    note: 'Verified; redirected.',
  },
  {
    leg: 'redirected',
    method: 'GET',
    target: '/api/sandbox/runs/r1/cases/redirect-same-origin?leg=redirected',
    authorization: { ...basic, check: { kind: 'refused' } },
    status: 401,
    outcome: 'challenged',
    note: 'Refused (wrong-response): The password does not match.',
  },
];

test('each request says which one of the conversation it was and why it was refused, in words', async () => {
  render(<RecordedRequests requests={requests} dropped={0} />);
  await userEvent.click(screen.getByText('The 2 requests the lab saw'));
  const [first, redirected] = screen.getAllByRole('listitem');
  expect(first).not.toHaveTextContent(/\(first|first request/);
  expect(within(redirected as HTMLElement).getByText('(after the redirect)')).toBeInTheDocument();
  expect(redirected).toHaveTextContent('Refused: The password does not match.');
  expect(redirected).not.toHaveTextContent(/wrong-response|\(redirected/);
});

test('each request shows the head the client sent, as the lab redacted it', async () => {
  const fields: Array<[string, string]> = [
    ['Host', 'localhost:3000'],
    ['User-Agent', 'curl/7.88.1'],
    ['Authorization', 'Basic [redacted: 20 characters]'],
  ];
  render(<RecordedRequests requests={[{ ...requests[0], fields } as ReportedRequest]} dropped={0} />);
  await userEvent.click(screen.getByText('The request the lab saw'));
  expect(screen.getByLabelText('Header fields of request 1').textContent).toBe(
    'Host: localhost:3000\nUser-Agent: curl/7.88.1\nAuthorization: Basic [redacted: 20 characters]',
  );
});
