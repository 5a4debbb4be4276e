import type { CompatData } from '@/lib/content/widgets/client-result';
import { COMPAT_CASES } from './cases';
import { loadClientResults } from './results';

// The matrix's data for the lessons' <ClientResult> (issue 21): the cases and every measured client, read
// once per process on the server.
// Kept out of lib/content/lessons.ts: pages rendered in jsdom load that, and the cases need TextEncoder.

let cached: CompatData | undefined;

export function compatData(): CompatData {
  cached ??= { cases: COMPAT_CASES, clients: loadClientResults() };
  return cached;
}
