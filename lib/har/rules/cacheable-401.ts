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
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 401) return [];
      const cacheControl = headerValues(exchange.response.headers, 'Cache-Control').join(', ');
      const directive = cacheableBy(cacheControl);
      const fromCache = exchange.meta.fromCache === true;
      if (!directive && !fromCache) return [];
      return [
        {
          severity: 'problem' as const,
          title: fromCache ? 'A 401 served from a cache' : 'A cacheable 401',
          explanation: `${requestLine(exchange)} got a 401 ${fromCache ? 'that the browser served from its cache' : ''}${fromCache && directive ? ', and ' : ''}${directive ? `whose Cache-Control says \`${directive}\`` : ''}. A 401 is not cacheable by heuristics, so a cache reuses one only when the response said so explicitly, for example with \`Cache-Control: max-age=600\`. After the user signs in, the old 401 keeps coming back.`,
          fix: 'Reload without the cache (DevTools: Disable cache) to confirm. On the server, send `Cache-Control: no-store` on 401 responses.',
          rfc: ['RFC 9110 §15.1', 'RFC 9111 §4', 'RFC 9111 §5.2.2.5'],
          hops: [at],
        },
      ];
    });
  },
};
