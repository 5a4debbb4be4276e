import { headerValues } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { requestLine } from './facts';

// RFC 9110 §15.1: 401 is not cacheable by heuristics, so a cache keeps one only when the response says so
// (RFC 9111 §4: reused while fresh). The troubleshooter's cached-401 cause, seen in a recording: the response
// allowed caching, or the browser served it from its cache.
const CACHEABLE = /(?:^|,)\s*(?:public|(?:s-)?max-age\s*=\s*"?([0-9]+))/gi;

function cacheableBy(cacheControl: string): string | undefined {
  if (/(?:^|,)\s*no-store\b/i.test(cacheControl)) return undefined;
  for (const match of cacheControl.matchAll(CACHEABLE)) {
    if (match[1] === undefined || Number(match[1]) > 0) return match[0].replace(/^[\s,]+/, '');
  }
  return undefined;
}

export const cacheable401: DiagnosisRule = {
  id: 'cacheable-401',
  diagnose({ conversation }) {
    // One finding per conversation: the 401 that allowed caching and the copies served from the cache after it.
    const found = numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 401) return [];
      const cacheControl = headerValues(exchange.response.headers, 'Cache-Control').join(', ');
      const fromCache = exchange.meta.fromCache === true;
      return cacheableBy(cacheControl) || fromCache ? [{ at, exchange, cacheControl: cacheableBy(cacheControl) ? cacheControl : undefined, fromCache }] : [];
    });
    const first = found[0];
    if (!first) return [];
    const stored = found.find((f) => f.cacheControl !== undefined);
    const served = found.filter((f) => f.fromCache);
    const facts = [
      stored ? `${requestLine(stored.exchange)} got a 401 with \`Cache-Control: ${stored.cacheControl}\`` : '',
      served.length > 0
        ? `the browser served ${served.length === 1 ? 'a 401' : `${served.length} 401s`} from its cache (hop ${served.map((f) => f.at + 1).join(', ')})`
        : '',
    ].filter((fact) => fact !== '');
    return [
      {
        severity: 'problem' as const,
        title: served.length > 0 ? 'A 401 served from a cache' : 'A cacheable 401',
        explanation: `${facts.join(', and ')}. A 401 is not cacheable by heuristics, so a cache reuses one only when the response said so explicitly, for example with \`Cache-Control: max-age=600\`. After the user signs in, the old 401 keeps coming back.`,
        fix: 'Reload without the cache (DevTools: Disable cache) to confirm. On the server, send `Cache-Control: no-store` on 401 responses.',
        rfc: ['RFC 9110 §15.1', 'RFC 9111 §4', 'RFC 9111 §5.2.2.5'],
        hops: found.map((f) => f.at),
      },
    ];
  },
};
