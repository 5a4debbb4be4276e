import * as z from 'zod';
import type { CaseVerdict } from '@/lib/compat/grade';
import type { ClientResults } from '@/lib/compat/results-schema';
import { resultFor, shortVersion } from '@/lib/compat/matrix';
import { parseWidgetProps, widgetError } from './props';

// <ClientResult case="digest-sha256-then-md5" client="python-requests" />: what the lab measured of one
// real client in one compatibility case (content/compat/results, issue 21), inline beside the lesson's
// sentence about that client, linking to the cell on /clients. The prose says what the data says; a
// case or client that does not exist fails the build (here, and with the lesson and line in
// lib/content/client-result-refs.ts).

export const CLIENT_RESULT_TAG = 'ClientResult';

export const clientResultPropsSchema = z
  .object({
    case: z.string().trim().min(1, 'must name a case of content/compat/cases.yaml'),
    client: z.string().trim().min(1, 'must name a client of content/compat/results'),
  })
  .strict();

export type ClientResultProps = z.input<typeof clientResultPropsSchema>;

export type ClientResultModel = {
  verdict: CaseVerdict;
  clientName: string;
  /** The client's own version number; the case page shows the full string. */
  version: string;
  caseTitle: string;
  /** The cell: the case page, at the client's entry. */
  href: string;
};

/** What the matrix holds: the cases (id and title) and each client's results. */
export type CompatData = { cases: readonly { id: string; title: string }[]; clients: readonly ClientResults[] };

/** Why `caseId` and `clientId` name no cell of the matrix ([] when they do). */
export function missingCellProblems(caseId: string, clientId: string, data: CompatData): string[] {
  const problems: string[] = [];
  if (!data.cases.some((c) => c.id === caseId)) problems.push(`case: no case "${caseId}" in content/compat/cases.yaml`);
  if (!data.clients.some((c) => c.client.id === clientId)) {
    problems.push(`client: no client "${clientId}" in content/compat/results (its clients: ${data.clients.map((c) => c.client.id).join(', ')})`);
  }
  return problems;
}

export function clientResultModel(props: unknown, data: CompatData): ClientResultModel {
  const raw = props as { case?: unknown; client?: unknown } | null;
  const name = `<${CLIENT_RESULT_TAG} case=${JSON.stringify(raw?.case)} client=${JSON.stringify(raw?.client)}>`;
  const { case: caseId, client: clientId } = parseWidgetProps(clientResultPropsSchema, props, name);
  const problems = missingCellProblems(caseId, clientId, data);
  const compatCase = data.cases.find((c) => c.id === caseId);
  const measured = data.clients.find((c) => c.client.id === clientId);
  if (problems.length > 0 || !compatCase || !measured) throw widgetError(name, problems);
  return {
    verdict: resultFor(measured, caseId).verdict,
    clientName: measured.client.name,
    version: shortVersion(measured.client.version),
    caseTitle: compatCase.title,
    href: `/clients/cases/${caseId}#${clientId}`,
  };
}
