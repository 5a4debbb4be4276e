import { SiteLink } from '@/components/layout/SiteLink';
import type { CaseGroup } from '@/lib/compat/case-schema';
import { clientsGroupHref, type MatrixGroup } from '@/lib/compat/matrix';

// The matrix's filter by scheme: a link per group, each its own static page (/clients/groups/{group}), so
// it works without JavaScript, with the keyboard (links) and on a phone (wrapping, finger-sized targets),
// and a filtered matrix has an address to share. The current one says so with aria-current and in bold,
// not by its colour alone.

const chip =
  'inline-flex min-h-9 items-center gap-1 rounded-full border px-3 py-1 text-sm underline-offset-4 hover:underline aria-[current=page]:border-2 aria-[current=page]:border-accent aria-[current=page]:font-bold';

export function SchemeFilter({ groups, current }: { groups: readonly MatrixGroup[]; current?: CaseGroup }) {
  const total = groups.reduce((sum, g) => sum + g.cases.length, 0);
  const options = [
    { key: 'all', href: '/clients#matrix-heading', title: 'All cases', count: total, selected: current === undefined },
    ...groups.map(({ group, title, cases }) => ({
      key: group,
      href: `${clientsGroupHref(group)}#matrix-heading`,
      title,
      count: cases.length,
      selected: current === group,
    })),
  ];
  return (
    <nav aria-label="Filter by scheme" className="mt-3">
      <ul className="flex flex-wrap gap-2">
        {options.map(({ key, href, title, count, selected }) => (
          <li key={key}>
            <SiteLink href={href} aria-current={selected ? 'page' : undefined} className={`${chip} border-line`}>
              {title} <span className="font-normal text-muted">({count})</span>
            </SiteLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
