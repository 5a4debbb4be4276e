import '../credentials/text-encoding';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientRun } from '@/components/clients/ClientRun';
import { POLL_MS } from '@/components/clients/useRunReport';
import type { GradedCase, RunReportView, StartedRun } from '@/lib/clients/run-api';

// The "test your own client" page's interactive part against a lab played by a mocked fetch: the answers are
// the run API's shapes (lib/compat/run-report.ts); what is asserted is what a reader sees and hears.

const NOW = Date.UTC(2026, 11, 6, 15, 0, 0);
const LAB = 'http://localhost:3000';
const RUN_ID = 'Qk9CYm9iQk9CYm9iQk9CYm';
const RUN_URL = `${LAB}/api/sandbox/runs/${RUN_ID}`;

if (!('fetch' in globalThis)) Object.assign(globalThis, { fetch: () => Promise.reject(new Error('no network in tests')) });

const basicCase = {
  id: 'basic-plain',
  title: 'Basic with a realm',
  group: 'basic',
  url: `${RUN_URL}/cases/basic-plain`,
  credentials: { username: 'alice', password: 'wonderland' },
  request: { method: 'GET' },
};
const proxyCase = {
  id: 'proxy-basic-then-origin-basic',
  title: 'Basic at the proxy, Basic at the origin',
  group: 'proxy',
  url: `${RUN_URL}/cases/proxy-basic-then-origin-basic`,
  credentials: { username: 'alice', password: 'wonderland' },
  request: { method: 'GET' },
};
const started: StartedRun = { id: RUN_ID, url: RUN_URL, expiresAt: new Date(NOW + 3_600_000).toISOString(), cases: [basicCase, proxyCase], unavailable: [] };

const pending = (c: typeof basicCase): GradedCase => ({
  ...c,
  verdict: 'pending',
  explanation: 'No request for this case has arrived yet.',
  requests: [],
  dropped: 0,
});
const basicFollows: GradedCase = {
  ...basicCase,
  verdict: 'follows',
  explanation: 'It answered Basic and the credentials verified.',
  dropped: 0,
  requests: [
    {
      leg: 'first',
      method: 'GET',
      target: '/api/sandbox/runs/x/cases/basic-plain',
      status: 401,
      outcome: 'challenged',
      note: 'No credentials: the lab challenged.',
    },
    {
      leg: 'first',
      method: 'GET',
      target: '/api/sandbox/runs/x/cases/basic-plain',
      status: 200,
      outcome: 'granted',
      note: 'Verified as alice.',
      authorization: { field: 'Authorization', scheme: 'Basic', shape: { kind: 'basic' }, check: { kind: 'verified', user: 'alice' } },
    },
  ],
};
const proxyFails: GradedCase = { ...pending(proxyCase), verdict: 'fails', explanation: 'Its Proxy-Authorization never verified (or it sent none).' };

function report(cases: GradedCase[], expiresAt = started.expiresAt): RunReportView {
  const summary = { follows: 0, differs: 0, fails: 0, pending: 0 };
  for (const c of cases) summary[c.verdict] += 1;
  return { id: RUN_ID, url: RUN_URL, createdAt: new Date(NOW).toISOString(), expiresAt, summary, cases };
}

const json = (status: number, body: unknown): Response =>
  ({ ok: status >= 200 && status < 300, status, json: async () => body, arrayBuffer: async () => new ArrayBuffer(0) }) as Response;

type Answer = Response | Error;
/** The lab: POST answers `start`; each GET of the run answers the next of `reads` (the last one repeats); case URLs answer `cases`. */
function lab({ start = json(201, started) as Answer, reads = [] as Answer[], cases = {} as Record<string, Answer> }) {
  let read = 0;
  return jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const answer =
      init?.method === 'POST' && url.endsWith('/api/sandbox/runs')
        ? start
        : url.endsWith(`/runs/${RUN_ID}`)
          ? reads[Math.min(read++, reads.length - 1)]
          : cases[url];
    if (answer === undefined) throw new Error(`unexpected fetch ${url}`);
    if (answer instanceof Error) throw answer;
    return answer;
  });
}

const runReads = (spy: jest.SpyInstance) => spy.mock.calls.filter(([url]) => String(url).endsWith(`/runs/${RUN_ID}`)).length;

/** The page's own live region, first in the page (each Copy button has one of its own after it). */
const runStatus = () => screen.getAllByRole('status')[0] as HTMLElement;
/** The cases, one item each (the requests inside a case are a list of their own). */
const caseItems = () => [...screen.getByRole('list', { name: 'Cases' }).children] as HTMLElement[];

function setup() {
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(<ClientRun />);
  return user;
}

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('ClientRun', () => {
  test('starts a run and shows its id, expiry, each case with its URL, credentials and curl command, and the link to share', async () => {
    const spy = lab({ reads: [json(200, report([pending(basicCase), pending(proxyCase)]))] });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    expect(spy).toHaveBeenCalledWith('/api/sandbox/runs', expect.objectContaining({ method: 'POST' }));
    // Focus goes to the run, below the button, for keyboard and screen reader users.
    expect(await screen.findByRole('heading', { level: 2, name: `Run ${RUN_ID}` })).toHaveFocus();
    expect(screen.getByText(/It lasts until/).querySelector('time')).toHaveAttribute('dateTime', started.expiresAt);
    const cases = caseItems();
    expect(cases).toHaveLength(2);
    const first = within(cases[0] as HTMLElement);
    expect(first.getByRole('heading', { name: 'Basic with a realm' })).toBeInTheDocument();
    expect(first.getByText(basicCase.url)).toBeInTheDocument();
    expect(first.getByText('wonderland')).toBeInTheDocument();
    expect(within(first.getByRole('figure', { name: /curl command/ })).getByText(/^curl /).textContent).toBe(
      `curl -i -L --anyauth -u alice:wonderland ${basicCase.url}`,
    );
    // The proxy case names the lab as the proxy, as a user configures curl for a 407.
    expect(within(within(cases[1] as HTMLElement).getByRole('figure', { name: /curl command/ })).getByText(/^curl /).textContent).toContain(
      `-x ${LAB} --proxy-anyauth -U alice:wonderland`,
    );
    expect(screen.getByRole('link', { name: `the report of run ${RUN_ID}` })).toHaveAttribute('href', `/clients/runs/${RUN_ID}`);
  });

  test('polls the report and announces verdicts as they arrive, as words, then stops once every case is graded', async () => {
    const spy = lab({
      reads: [
        json(200, report([pending(basicCase), pending(proxyCase)])),
        json(200, report([basicFollows, pending(proxyCase)])),
        json(200, report([basicFollows, proxyFails])),
      ],
    });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    await waitFor(() => expect(runStatus()).toHaveTextContent('No case graded yet'));
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(runStatus()).toHaveTextContent('1 of 2 cases graded: 1 follow the RFCs, 0 differ, 0 fail.');
    const first = within(caseItems()[0] as HTMLElement);
    expect(first.getByText('Follows the RFCs')).toBeInTheDocument();
    expect(first.getByText('It answered Basic and the credentials verified.')).toBeInTheDocument();
    // The requests the lab saw, by their shape, in a disclosure.
    expect(first.getByText('The 2 requests the lab saw')).toBeInTheDocument();
    expect(first.getByText(/Sent Authorization: Basic\. Verified as alice\./)).toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(runStatus()).toHaveTextContent('2 of 2 cases graded: 1 follow the RFCs, 0 differ, 1 fail. Every case has a verdict.');
    expect(within(caseItems()[1] as HTMLElement).getByText('Fails')).toBeInTheDocument();
    const reads = runReads(spy);
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 5));
    expect(runReads(spy)).toBe(reads);
  });

  test('leaves no timer running once the page is gone', async () => {
    const spy = lab({ reads: [json(200, report([pending(basicCase), pending(proxyCase)]))] });
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const { unmount } = render(<ClientRun />);
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    await screen.findByText(/No case graded yet/);
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(runReads(spy)).toBe(2);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(runReads(spy)).toBe(2);
  });

  test('stops polling once the run has expired, and says so', async () => {
    const spy = lab({ reads: [json(200, report([pending(basicCase), pending(proxyCase)], new Date(NOW - 1).toISOString()))] });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    expect(await screen.findByText(/The run has expired\./)).toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(runReads(spy)).toBe(1);
  });

  test('a run the lab no longer has: its problem detail in words, and no more polling', async () => {
    const detail = `There is no run "${RUN_ID}": it never existed or has expired. Start one with POST /api/sandbox/runs.`;
    const spy = lab({
      reads: [json(200, report([pending(basicCase), pending(proxyCase)])), json(404, { type: 'about:blank', title: 'Not Found', status: 404, detail })],
    });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    await screen.findByText(/No case graded yet/);
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(runStatus()).toHaveTextContent(`This run is gone: ${detail}`);
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(runReads(spy)).toBe(2);
  });

  test('a refused start shows the problem detail in words; an unreachable lab says so', async () => {
    lab({ start: json(503, { title: 'Service Unavailable', status: 503, detail: 'The lab keeps 500 runs at most; try again in a minute.' }) });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    await waitFor(() => expect(runStatus()).toHaveTextContent('The lab did not start a run: The lab keeps 500 runs at most; try again in a minute.'));
    jest.restoreAllMocks();
    lab({ start: new TypeError('Failed to fetch') });
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    expect(await screen.findByText(/The lab could not be reached \(Failed to fetch\)/)).toBeInTheDocument();
  });

  test('runs the cases in this browser with its own credentials, shows each outcome (a network error as such), then reads the report again', async () => {
    const spy = lab({
      reads: [json(200, report([pending(basicCase), pending(proxyCase)])), json(200, report([basicFollows, proxyFails]))],
      cases: { [basicCase.url]: json(200, {}), [proxyCase.url]: new TypeError('Failed to fetch') },
    });
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Start a run' }));
    await screen.findByText(/No case graded yet/);
    expect(screen.getByText(/type/)).toHaveTextContent('type alice and wonderland');
    await user.click(screen.getByRole('button', { name: 'Run these cases in this browser' }));
    expect(await screen.findByText(/This browser requested every case; 1 ended in a network error\./)).toBeInTheDocument();
    expect(spy).toHaveBeenCalledWith(basicCase.url, expect.objectContaining({ method: 'GET', credentials: 'include' }));
    const [basic, proxy] = caseItems() as HTMLElement[];
    expect(within(basic as HTMLElement).getByText(/This browser ended with/)).toHaveTextContent(/This browser ended with\s*200\s*OK/);
    expect(within(proxy as HTMLElement).getByText(/network error/)).toHaveTextContent(/Failed to fetch.*ERR_UNEXPECTED_PROXY_AUTH/);
    // The report was read again at once (not after the next poll), and it settled.
    expect(await screen.findByText(/Every case has a verdict\./)).toBeInTheDocument();
  });
});
