import { STORE_RETRY_AFTER_SECONDS } from '../store-unavailable';
import { problem } from './refs';
import type { ResponseObject } from './types';

// The 503 a route answers when it needs the shared store and Redis (REDIS_URL) does not answer
// (store-unavailable.ts), as the OpenAPI document states it; and the scenarios' own 503, where NTLM and
// Negotiate also refuse a handshake when the lab holds as many unfinished ones as it allows.

const retryAfter = (seconds: string) => ({
  'Retry-After': {
    description: `Whole seconds to wait before trying again (RFC 9110 §10.2.3): ${seconds}.`,
    required: true,
    schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
  },
});

const STORE_SENTENCE =
  'Shared store unavailable: with REDIS_URL set, the lab keeps its replay checks, one-time codes and client-test runs in Redis, and Redis is not answering, so the lab decided nothing about this request (RFC 9110 §15.6.4). Never answered without REDIS_URL.';

export const STORE_UNAVAILABLE: ResponseObject = {
  description: STORE_SENTENCE,
  headers: retryAfter(String(STORE_RETRY_AFTER_SECONDS)),
  content: problem(),
};

export const SCENARIO_UNAVAILABLE: ResponseObject = {
  description: `${STORE_SENTENCE} Here the store holds the Digest nonce counts (nc) and the NTLM proofs already used. Also, for NTLM and Negotiate only: the lab holds as many unfinished handshakes as it allows.`,
  headers: retryAfter(`${STORE_RETRY_AFTER_SECONDS} for the store, 1 for a busy handshake`),
  content: problem(),
};
