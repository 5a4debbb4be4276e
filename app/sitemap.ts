import type { MetadataRoute } from 'next';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { clientsGroupHref, matrixGroups } from '@/lib/compat/matrix';
import { loadLessons } from '@/lib/content/lessons';
import { siteUrl } from '@/lib/site/site';

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  const url = (path: string) => new URL(path, base).toString();
  return [
    { url: url('/'), changeFrequency: 'weekly', priority: 1 },
    { url: url('/lessons'), changeFrequency: 'weekly', priority: 0.9 },
    ...loadLessons().map((lesson) => ({ url: url(`/lessons/${lesson.slug}`), changeFrequency: 'monthly' as const, priority: 0.8 })),
    { url: url('/troubleshoot'), changeFrequency: 'monthly', priority: 0.7 },
    { url: url('/troubleshoot/traffic'), changeFrequency: 'monthly', priority: 0.6 },
    { url: url('/playground'), changeFrequency: 'weekly', priority: 0.6 },
    { url: url('/api'), changeFrequency: 'monthly', priority: 0.5 },
    // The client matrix (issue 21), its filtered views and a page per case: data a search should find.
    { url: url('/clients'), changeFrequency: 'monthly', priority: 0.6 },
    ...matrixGroups(COMPAT_CASES).map(({ group }) => ({ url: url(clientsGroupHref(group)), changeFrequency: 'monthly' as const, priority: 0.4 })),
    ...COMPAT_CASES.map((c) => ({ url: url(`/clients/cases/${c.id}`), changeFrequency: 'monthly' as const, priority: 0.4 })),
    { url: url('/clients/test'), changeFrequency: 'monthly', priority: 0.5 },
    { url: url('/trainers'), changeFrequency: 'monthly', priority: 0.4 },
  ];
}
