/** @jest-environment node */
// The sandbox draws its random bytes (Digest nonces, NTLM challenges, OAuth state) from a pool the CSPRNG
// refills (lib/sandbox/context.ts): every caller must still get bytes of its own.
import { pooledRandom } from '@/lib/sandbox/context';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('pooledRandom', () => {
  test.each([
    ['many nonces from one pool', 4096, 12, 2000],
    ['a refill on every draw', 16, 12, 200],
    ['draws that end the pool exactly', 48, 12, 200],
    ['draws larger than the pool', 8, 32, 50],
  ])('%s: the asked length, and no bytes handed out twice', (_name, poolBytes, length, draws) => {
    const random = pooledRandom(poolBytes);
    const seen = new Set<string>();
    for (let i = 0; i < draws; i++) {
      const bytes = random(length);
      expect(bytes).toHaveLength(length);
      seen.add(hex(bytes));
    }
    expect(seen.size).toBe(draws);
  });

  test('a caller that changes its bytes changes nobody else’s', () => {
    const random = pooledRandom(64);
    const first = random(12);
    const copy = hex(first);
    const second = random(12);
    first.fill(0);
    expect(hex(second)).not.toBe('00'.repeat(12));
    expect(copy).not.toBe('00'.repeat(12));
    // Each draw is its own array, not a view that later draws could overwrite.
    expect(first.buffer).not.toBe(second.buffer);
  });

  test('the bytes look random: about half the bits set over many draws', () => {
    const random = pooledRandom();
    let ones = 0;
    const draws = 4000;
    for (let i = 0; i < draws; i++) for (const byte of random(12)) ones += byte.toString(2).replaceAll('0', '').length;
    expect(ones / (draws * 96)).toBeGreaterThan(0.48);
    expect(ones / (draws * 96)).toBeLessThan(0.52);
  });
});
