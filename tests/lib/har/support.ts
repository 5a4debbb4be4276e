import { type RecordedExchange, type RedactedExchange, SecretVault, redactExchange } from '@/lib/har';

// Exchanges built by hand, as a recorder would have written them: for the rules a real client cannot produce
// and for tables of small cases. Each starts 100 ms after the one before unless `at` says when.

let clock = Date.UTC(2026, 11, 6, 16);

export function recorded(
  method: string,
  url: string,
  status: number,
  extra: { request?: Array<[string, string]>; response?: Array<[string, string]>; at?: number } = {},
): RecordedExchange {
  clock = extra.at ?? clock + 100;
  const location = extra.response?.find(([name]) => name === 'Location')?.[1];
  return {
    index: 0,
    startedAt: clock,
    durationMs: 10,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: extra.request ?? [], pseudoHeaders: [] },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: extra.response ?? [],
      pseudoHeaders: [],
      ...(location ? { redirectUrl: new URL(location, url).href } : {}),
    },
    meta: {},
  };
}

/** The exchanges numbered in order and redacted, as analyseRecording hands them on. */
export function redactedInOrder(list: RecordedExchange[], vault = new SecretVault()): RedactedExchange[] {
  return list.map((exchange, index) => redactExchange({ ...exchange, index }, vault));
}
