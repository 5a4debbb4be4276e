import { performance } from 'node:perf_hooks';
import { withCors } from '../cors';
import type { SandboxResponse } from '../message';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { rateLimitKey } from './client-address';
import { isCrossOriginPath } from '../routes/router';
import { clientAddress, type TrustedProxies } from './forwarded';
import type { RateLimitSetting } from './rate-limit-setting';
import { tooManyRequests } from './too-many-requests';

// server.ts asks this before answering /api/sandbox/* or /api/exchange: undefined lets the request
// through, a response refuses it. Pages and static files never come here (they cost the sandbox
// nothing and a page load must never fail for a class on a shared address).

export type GatedRequest = {
  /** The socket's peer, normalised (normaliseAddress). */
  peer: string;
  rawHeaders: readonly string[];
  method: string;
  pathname: string;
};

export type RateLimitGate = (request: GatedRequest) => SandboxResponse | undefined;

/** A whole-millisecond clock that never steps back, unlike Date.now (NTP may move the wall clock). */
const monotonicMs = () => Math.floor(performance.now());

export function rateLimitGate(setting: RateLimitSetting, trusted: TrustedProxies, now: () => number = monotonicMs): RateLimitGate {
  if (setting.kind === 'off') return () => undefined;
  const { policy } = setting;
  const limiter: RateLimiter = createRateLimiter(policy, { now });
  return ({ peer, rawHeaders, method, pathname }) => {
    // Preflights are not counted: the browser sends them by itself (and caches the answer for
    // Access-Control-Max-Age), and a refused preflight reaches the script as a bare network error, so
    // it could never read the 429 and its Retry-After. The request that follows is counted.
    if (method === 'OPTIONS') return undefined;
    const client = rateLimitKey(clientAddress(peer, rawHeaders, trusted));
    const decision = limiter.take(client);
    if (decision.kind === 'allowed') return undefined;
    const refusal = tooManyRequests(policy, client, decision.retryAfterSeconds);
    // CORS like every other answer of the same path, so a trainer's page (or a SCORM package calling
    // /api/exchange) can read the 429 and Retry-After.
    return isCrossOriginPath(pathname) ? withCors(refusal) : refusal;
  };
}
