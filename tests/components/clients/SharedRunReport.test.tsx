import '../credentials/text-encoding';
import { render, screen, within } from '@testing-library/react';
import { SharedRunReport } from '@/components/clients/SharedRunReport';
import type { RunReportView } from '@/lib/clients/run-api';

// The report page's body, against a mocked lab: a run it still has, and one it does not.

const RUN_ID = 'Qk9CYm9iQk9CYm9iQk9CYm';
const RUN_URL = `http://localhost:3000/api/sandbox/runs/${RUN_ID}`;

if (!('fetch' in globalThis)) Object.assign(globalThis, { fetch: () => Promise.reject(new Error('no network in tests')) });

const json = (status: number, body: unknown): Response => ({ ok: status >= 200 && status < 300, status, json: async () => body }) as Response;

const graded: RunReportView = {
  id: RUN_ID,
  url: RUN_URL,
  createdAt: '2026-12-06T15:00:00.000Z',
  expiresAt: '2099-12-06T16:00:00.000Z',
  summary: { follows: 0, differs: 1, fails: 0, pending: 0 },
  cases: [
    {
      id: 'several-challenges-several-lines',
      title: 'Digest and Basic on two field lines',
      group: 'challenge-syntax',
      url: `${RUN_URL}/cases/several-challenges-several-lines`,
      credentials: { username: 'alice', password: 'wonderland' },
      request: { method: 'GET' },
      verdict: 'differs',
      explanation: 'It answered Basic and the credentials verified. Basic is a legal choice, but it sends the password itself.',
      requests: [],
      dropped: 0,
    },
  ],
};

afterEach(() => jest.restoreAllMocks());

describe('SharedRunReport', () => {
  test('reads the run and shows each case’s verdict in words, with its explanation', async () => {
    const spy = jest.spyOn(globalThis, 'fetch').mockResolvedValue(json(200, graded));
    render(<SharedRunReport id={RUN_ID} />);
    expect(await screen.findByText('1 of 1 cases graded: 0 follow the RFCs, 1 differ, 0 fail. Every case has a verdict.')).toBeInTheDocument();
    expect(spy).toHaveBeenCalledWith(`/api/sandbox/runs/${RUN_ID}`, expect.objectContaining({ method: 'GET' }));
    const item = within(screen.getByRole('list', { name: 'Cases' }).children[0] as HTMLElement);
    expect(item.getByRole('heading', { name: 'Digest and Basic on two field lines' })).toBeInTheDocument();
    expect(item.getByText('Differs (legal)')).toBeInTheDocument();
    expect(item.getByText(/Basic is a legal choice/)).toBeInTheDocument();
  });

  test('an expired or unknown run: the lab’s words, and a way to start again', async () => {
    const detail = `There is no run "${RUN_ID}": it never existed or has expired. Start one with POST /api/sandbox/runs.`;
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(json(404, { title: 'Not Found', status: 404, detail }));
    render(<SharedRunReport id={RUN_ID} />);
    expect(await screen.findByText(`This run is gone: ${detail}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new run' })).toHaveAttribute('href', '/clients/test');
    expect(screen.queryByRole('list', { name: 'Cases' })).not.toBeInTheDocument();
  });
});
