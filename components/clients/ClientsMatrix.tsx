import { SiteLink } from '@/components/layout/SiteLink';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import { resultFor, shortVersion, type MatrixGroup } from '@/lib/compat/matrix';
import type { ClientResults } from '@/lib/compat/results-schema';

// The matrix itself: a column per client, a row per case under its group's heading, each cell the verdict
// linking to the case page at that client. On a phone (below sm) the client names stand on their side and a
// cell shows the verdict's shape only (its word is the link's name), so five columns fit beside the cases
// instead of one; from sm up every cell says its word. The region is `relative` so those hidden words
// (absolutely positioned) scroll with it instead of widening the page.

export function ClientsMatrix({ clients, groups }: { clients: readonly ClientResults[]; groups: readonly MatrixGroup[] }) {
  return (
    <div role="region" aria-label="Clients × cases, scrolls sideways" tabIndex={0} className="relative mt-3 overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Verdict of each client (columns) for each case (rows), grouped by scheme</caption>
        <thead>
          <tr className="border-b border-line bg-surface">
            <th scope="col" className="sticky left-0 z-10 w-32 min-w-32 bg-surface px-2 py-2 align-bottom font-semibold sm:w-auto sm:min-w-48 sm:px-3">
              Case
            </th>
            {clients.map(({ client }) => (
              // The name wraps and the version is the client's own number ("17.0.15", not the JVM's
              // whole banner), so no column is wider than its badges need; "How it was measured"
              // and each case page give the full version.
              <th key={client.id} scope="col" className="px-0.5 py-2 align-bottom font-semibold sm:px-2">
                <span className="inline-block max-h-44 rotate-180 text-xs [writing-mode:vertical-rl] sm:max-h-none sm:rotate-0 sm:text-sm sm:[writing-mode:horizontal-tb]">
                  <span className="block sm:max-w-36">{client.name}</span>
                  <span className="block font-mono text-xs font-normal whitespace-nowrap text-muted">{shortVersion(client.version)}</span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map(({ group, title, cases }) => (
          <tbody key={group}>
            <tr className="border-b border-line">
              <th
                id={`group-${group}`}
                scope="colgroup"
                colSpan={clients.length + 1}
                className="scroll-mt-20 bg-canvas px-2 pt-4 pb-1 text-base font-bold sm:px-3"
              >
                {/* Sticky too, so the group's name stays in view while the row scrolls sideways on a phone. */}
                <span className="sticky left-2 sm:left-3">{title}</span>
              </th>
            </tr>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-line last:border-0">
                <th scope="row" className="sticky left-0 z-10 bg-canvas px-2 py-1.5 font-normal sm:px-3">
                  <SiteLink href={`/clients/cases/${c.id}`} className="text-accent underline underline-offset-4">
                    {c.title}
                  </SiteLink>
                </th>
                {clients.map((measured) => {
                  const { client } = measured;
                  const result = resultFor(measured, c.id);
                  return (
                    <td key={client.id} className="px-0.5 py-1.5 text-center sm:px-2 sm:text-left">
                      <SiteLink
                        href={`/clients/cases/${c.id}#${client.id}`}
                        aria-label={`${client.name}: ${result.verdict}`}
                        className="inline-flex min-h-6 min-w-6 items-center justify-center rounded focus-visible:outline-2"
                      >
                        <VerdictBadge verdict={result.verdict} compact wordFrom="sm" />
                      </SiteLink>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
