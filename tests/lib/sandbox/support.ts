import { createSandboxContext, type SandboxContext } from '@/lib/sandbox/context';
import type { HeaderList, SandboxRequest } from '@/lib/sandbox/message';

export const SECRET = new TextEncoder().encode('a-test-secret-that-is-32-bytes-long!');

/** A context with a settable clock, so tests can age nonces and tokens. */
export function testContext(start = Date.UTC(2026, 10, 26, 12)): SandboxContext & { advance: (ms: number) => void } {
  let now = start;
  const ctx = createSandboxContext({ secret: SECRET, now: () => now });
  return Object.assign(ctx, { advance: (ms: number) => void (now += ms) });
}

export function request(target: string, headers: HeaderList = [], method = 'GET', body = ''): SandboxRequest {
  return { method, target, headers, body: new TextEncoder().encode(body) };
}

export const ALICE_BASIC = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
export const basicFor = (user: string, password: string, encoding: BufferEncoding = 'utf8') =>
  `Basic ${Buffer.from(`${user}:${password}`, encoding).toString('base64')}`;
