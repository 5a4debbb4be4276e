import type { Metadata } from 'next';
import { ComingSoon } from '@/components/layout/ComingSoon';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Build an HTTP request and watch the whole challenge and credential conversation, hop by hop.',
};

export default function PlaygroundPage() {
  return (
    <ComingSoon title="Playground">
      <p>
        The playground will let you build a request, pick a scenario (Basic, Bearer, Digest, a proxy in front of an
        origin) and watch the whole conversation: the first request, each 401 or 407 challenge, the retry with
        credentials, and the final answer, with every header explained.
      </p>
      <p className="text-muted">It is being built now; the lessons already show each exchange on the wire.</p>
    </ComingSoon>
  );
}
