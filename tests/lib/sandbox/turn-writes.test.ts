/** @jest-environment node */
import { turnWrites, TURN_WRITE_LIMIT } from '@/lib/sandbox/edge/turn-writes';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const noFailure = (error: unknown) => {
  throw new Error(`unexpected failure: ${String(error)}`);
};

describe('turnWrites: the answers of one loop turn go out together at its end', () => {
  test('nothing is written while the turn goes on; all of it, in the order queued, once it ends', async () => {
    const defer = turnWrites();
    const written: number[] = [];
    for (const n of [1, 2, 3]) defer(() => written.push(n), noFailure);
    await Promise.resolve(); // microtasks of this turn (the engine's awaits) run before the writes
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual([1, 2, 3]);
  });

  test('one answer alone goes out in the same turn, not one later', async () => {
    const defer = turnWrites();
    const written: string[] = [];
    defer(() => written.push('alone'), noFailure);
    await nextTurn();
    expect(written).toEqual(['alone']);
  });

  test.each([2, 4, TURN_WRITE_LIMIT])('with a limit of %i, reaching it writes the queue there and then', async (limit) => {
    const defer = turnWrites(limit);
    const written: number[] = [];
    for (let n = 1; n < limit; n++) defer(() => written.push(n), noFailure);
    expect(written).toEqual([]);
    defer(() => written.push(limit), noFailure);
    expect(written).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
    // The next answer starts a new queue, written at the end of the turn.
    defer(() => written.push(limit + 1), noFailure);
    expect(written).toHaveLength(limit);
    await nextTurn();
    expect(written).toHaveLength(limit + 1);
  });

  test('a write that throws goes to its own failure handler; the others still go out', async () => {
    const defer = turnWrites();
    const written: string[] = [];
    const failures: string[] = [];
    defer(() => written.push('first'), noFailure);
    defer(
      () => {
        throw new Error('invalid field');
      },
      (error) => failures.push((error as Error).message),
    );
    defer(() => written.push('third'), noFailure);
    await nextTurn();
    expect({ written, failures }).toEqual({ written: ['first', 'third'], failures: ['invalid field'] });
  });

  test('an answer queued by a write is written in a later turn, not lost', async () => {
    const defer = turnWrites();
    const written: string[] = [];
    defer(() => {
      written.push('outer');
      defer(() => written.push('inner'), noFailure);
    }, noFailure);
    await nextTurn();
    expect(written).toEqual(['outer']);
    await nextTurn();
    expect(written).toEqual(['outer', 'inner']);
  });

  test('two queues (two servers in one process) keep to themselves', async () => {
    const a = turnWrites(2);
    const b = turnWrites(2);
    const written: string[] = [];
    a(() => written.push('a1'), noFailure);
    b(() => written.push('b1'), noFailure);
    expect(written).toEqual([]);
    a(() => written.push('a2'), noFailure);
    expect(written).toEqual(['a1', 'a2']);
    await nextTurn();
    expect(written).toEqual(['a1', 'a2', 'b1']);
  });
});
