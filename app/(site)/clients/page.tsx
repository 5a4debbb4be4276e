import type { Metadata } from 'next';
import { ClientsOverview } from '@/components/clients/ClientsOverview';

// The compatibility matrix (issue 21), every group of cases; /clients/groups/{group} filters it to one.

export const metadata: Metadata = {
  title: 'How real clients answer challenges',
  description:
    'curl, wget, Python, Node, Java, Perl, Go, PHP, Chromium and Firefox against 44 tricky challenges: which scheme they pick, quoted commas, Digest variants, stale nonces, redirects, proxies and NTLM, measured by the lab.',
  alternates: { canonical: '/clients' },
};

export default function ClientsPage() {
  return <ClientsOverview />;
}
