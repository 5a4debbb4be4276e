import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClientsOverview } from '@/components/clients/ClientsOverview';
import { CASE_GROUPS, type CaseGroup } from '@/lib/compat/case-schema';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { clientsGroupHref, GROUP_TITLES, matrixGroups } from '@/lib/compat/matrix';

// The matrix filtered to one group of cases (the filter by scheme): one static page per group that has cases.

export const dynamicParams = false;

export function generateStaticParams(): Array<{ group: string }> {
  return matrixGroups(COMPAT_CASES).map(({ group }) => ({ group }));
}

function caseGroup(value: string): CaseGroup | undefined {
  return CASE_GROUPS.find((g) => g === value);
}

export async function generateMetadata({ params }: { params: Promise<{ group: string }> }): Promise<Metadata> {
  const group = caseGroup((await params).group);
  return group
    ? {
        title: `${GROUP_TITLES[group]}: how real clients answer challenges`,
        description: `The ${GROUP_TITLES[group]} cases of the client matrix: what curl, Python, Java, Go, Chromium, Firefox and others did, measured by the lab.`,
        alternates: { canonical: clientsGroupHref(group) },
      }
    : { title: 'No such group' };
}

export default async function ClientsGroupPage({ params }: { params: Promise<{ group: string }> }) {
  const group = caseGroup((await params).group);
  if (!group) notFound();
  return <ClientsOverview group={group} />;
}
