import type { RunReport } from '@/lib/compat/run-report';
import { VERDICT_WORDS } from '@/lib/clients/run-progress';
import { baseUrl } from './site';

// Issue 21's "test your own client" page, walked with the browser itself as the client under test, in
// Chromium (clients-run.test.ts) and Firefox ESR (clients-run-firefox.test.ts). What is asserted is what the
// lab recorded of the browser's requests (GET the run, from the test), and that the page shows it.

export const ALICE = { username: 'alice', password: 'wonderland' };

/** The run id the page shows in its heading "Run <id>". */
export function runIdFrom(heading: string): string {
  const id = /^Run\s+([A-Za-z0-9_-]{22})$/.exec(heading.trim())?.[1];
  if (!id) throw new Error(`no run id in "${heading}"`);
  return id;
}

/** The report the lab keeps, read by the test itself rather than through the page. */
export async function recordedReport(id: string): Promise<RunReport> {
  const response = await fetch(`${baseUrl()}/api/sandbox/runs/${id}`);
  if (response.status !== 200) throw new Error(`GET the run answered ${response.status}`);
  return (await response.json()) as RunReport;
}

export function recordedCase(report: RunReport, id: string): RunReport['cases'][number] {
  const found = report.cases.find((c) => c.id === id);
  if (!found) throw new Error(`the run has no case ${id}`);
  return found;
}

/** The words the page must show for each case, from the verdicts the lab graded. */
export function verdictWords(report: RunReport): Array<[string, string]> {
  return report.cases.map((c) => [c.title, VERDICT_WORDS[c.verdict]]);
}

/**
 * What the lab must have seen of a browser answering as alice: a case where it was challenged first (a
 * request without credentials, the 401) and then answered from the login prompt with credentials that
 * verified; and on the plain Basic case, Basic credentials that verified and a 200. A browser may send
 * them at once there, without waiting for the challenge: an earlier case's realm and directory are the same
 * protection space (RFC 7617 §2.2).
 */
export function expectBrowserAnsweredBasic(report: RunReport): void {
  const answeredPrompt = report.cases.filter(
    ({ requests: [first, ...rest] }) => first?.status === 401 && !first.authorization && rest.some((r) => r.authorization?.check.kind === 'verified'),
  );
  expect(answeredPrompt.length).toBeGreaterThan(0);
  const basic = recordedCase(report, 'basic-plain');
  expect(basic.verdict).toBe('follows');
  expect(basic.requests.at(-1)?.status).toBe(200);
  expect(basic.requests.find((r) => r.authorization)?.authorization).toMatchObject({ scheme: 'Basic', check: { kind: 'verified', user: 'alice' } });
}
