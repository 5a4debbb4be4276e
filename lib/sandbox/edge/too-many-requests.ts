import type { SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import type { RateLimitPolicy } from './rate-limit';
import { describePolicy } from './rate-limit-setting';

// The answer when a client's bucket is empty: 429 Too Many Requests (RFC 6585 §4), which "SHOULD include
// details explaining the condition" (the problem body) and "MAY include a Retry-After header" (here
// always: whole seconds until one token is available, RFC 9110 §10.2.3, so a retry then succeeds).
// RFC 6585 §4 also forbids caches to store it; Cache-Control: no-store says so to every cache anyway.

export function tooManyRequests(policy: RateLimitPolicy, client: string, retryAfterSeconds: number): SandboxResponse {
  const detail =
    `The public sandbox allows ${describePolicy(policy)}, and ${client} has used that up; retry in ${retryAfterSeconds} s (Retry-After). ` +
    'This says nothing about your credentials: they were not checked. Everyone behind one address (a school or office network) shares its budget.';
  return problemResponse({ status: 429, detail, extensions: { retryAfter: retryAfterSeconds } }, [['Retry-After', String(retryAfterSeconds)]]);
}
