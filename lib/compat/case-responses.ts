import { parseChallenges, type Challenge } from '@/lib/http-auth';
import type { SandboxContext } from '@/lib/sandbox/context';
import type { HeaderList, SandboxResponse } from '@/lib/sandbox/message';
import { problemResponse } from '@/lib/sandbox/problem';
import { issueCaseNonce, type NonceIssue } from './case-nonce';
import { caseChallengeField } from './case-schema';

// The responses a case sends, built from its data: challenge lines with fresh nonces, the grant, the
// redirect. Everything the lab writes into a head passes `isSafeHead` last, so whatever a client sent, no
// field line can carry CR, LF or another control (RFC 9110 §5.5).

const NO_STORE: [string, string] = ['Cache-Control', 'no-store'];

/** The case's lines with `{nonce}` filled: one fresh nonce per response, shared by its challenges (RFC 7616 §3.9.1 does the same). */
export function fillLines(lines: readonly string[], ctx: SandboxContext, issue: NonceIssue): string[] {
  const nonce = lines.some((line) => line.includes('{nonce}')) ? issueCaseNonce(ctx, issue) : '';
  return lines.map((line) => line.replaceAll('{nonce}', nonce));
}

const offeredCache = new WeakMap<readonly string[], Challenge[]>();

/**
 * The challenges the lab offers with `lines`, for checking credentials against: what the lab's own parser
 * reads, or, for a line it refuses (a duplicate parameter, on purpose), the scheme alone, so that a
 * lenient client's answer can still be recognised.
 */
export function offeredChallenges(lines: readonly string[]): Challenge[] {
  const cached = offeredCache.get(lines);
  if (cached) return cached;
  const standIn = lines.map((line) => line.replaceAll('{nonce}', 'n'));
  const whole = parseChallenges(standIn);
  const offered = whole.ok
    ? whole.value
    : standIn.flatMap((line) => {
        const one = parseChallenges(line);
        return one.ok ? one.value : [{ scheme: /^[\s,]*([^\s,]+)/.exec(line)?.[1] ?? '', params: {} }];
      });
  offeredCache.set(lines, offered);
  return offered;
}

/** 401 and 407 with their challenges; 403 with Bearer's insufficient_scope challenge (RFC 6750 §3.1). */
export function challengeResponse(status: 401 | 403 | 407, lines: readonly string[], detail: string, extra: HeaderList = []): SandboxResponse {
  const field = caseChallengeField(status === 407 ? 407 : 401);
  return problemResponse({ status, detail }, [...lines.map((line): [string, string] => [field, line]), ...extra]);
}

export function grantedResponse(caseId: string, user: string, extra: HeaderList = []): SandboxResponse {
  return {
    status: 200,
    headers: [['Content-Type', 'application/json'], NO_STORE, ...extra],
    body: JSON.stringify({ case: caseId, authenticated: user }),
  };
}

export function redirectResponse(status: 302 | 303 | 307, location: string, extra: HeaderList = []): SandboxResponse {
  return {
    status,
    headers: [['Location', location], ['Content-Type', 'application/json'], NO_STORE, ...extra],
    body: JSON.stringify({ location }),
  };
}

export const badRequest = (detail: string): SandboxResponse => problemResponse({ status: 400, detail });

/** Visible ASCII, space and tab only: the lab writes nothing else into a head. */
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

export function isSafeHead(response: SandboxResponse): boolean {
  return response.headers.every(([name, value]) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) && SAFE_VALUE.test(value));
}
