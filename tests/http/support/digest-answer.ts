// A Digest answer as the client-claim tests show it: which algorithm and qop a client put in the
// Authorization field it sent (RFC 7616 §3.4), in a few words a table can hold.
import { getParam, parseCredentials } from '@/lib/http-auth';

/**
 * "none" for a request without Authorization; otherwise "<algorithm>, qop=<qop>", where a missing
 * algorithm parameter reads "no algorithm" (RFC 7616 §3.4: then MD5 is meant) and a missing qop reads
 * "no qop" (the RFC 2069 form, which RFC 7616 no longer accepts).
 */
export function describeAnswer(authorization: string | undefined): string {
  if (authorization === undefined) return 'none';
  const parsed = parseCredentials(authorization);
  if (!parsed.ok) return `unparsable: ${authorization}`;
  if (parsed.value.scheme.toLowerCase() !== 'digest') return parsed.value.scheme;
  const algorithm = getParam(parsed.value.params, 'algorithm');
  const qop = getParam(parsed.value.params, 'qop');
  return `${algorithm ?? 'no algorithm'}, ${qop === undefined ? 'no qop' : `qop=${qop}`}`;
}

/** Runs of the same answer collapsed, "MD5, qop=auth ×6", so a client that retries reads in one entry. */
export function collapseRepeats(answers: string[]): string[] {
  const collapsed: { answer: string; times: number }[] = [];
  for (const answer of answers) {
    const last = collapsed.at(-1);
    if (last?.answer === answer) last.times += 1;
    else collapsed.push({ answer, times: 1 });
  }
  return collapsed.map(({ answer, times }) => (times === 1 ? answer : `${answer} ×${times}`));
}
