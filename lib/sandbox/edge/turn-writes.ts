// The sandbox's answers (prepared, from the engine, or the rate limiter's 429) are written together at the
// end of the event-loop turn that computed them, not one by one as each is ready (issue 23). A loop turn
// reads every connection that has a request waiting, and on the lab's two-core machine a client that has
// caught up is asleep: each answer written on its own then pays for waking it again, which made a Digest
// success cost a quarter to a third more server CPU. Written in one burst, the first wakes the client and the rest
// find it awake (bench/README.md, "Session 16").
//
// setImmediate runs in the check phase, right after the poll phase that read the requests, so an answer
// waits only for the answers computed beside it: with one request waiting, at once. `limit` bounds that
// wait under a flood; reaching it writes the queue there and then. node:http keeps each connection's
// answers in request order (RFC 9112 §9.3.2) whenever they are written, and a queue in arrival order keeps
// them so anyway. An answer must not change once queued: each is built per request (the prepared ones are
// copied when their nonce is filled in).

/** Answers written at once when this many are waiting: the most an answer waits for is this many beside it. */
export const TURN_WRITE_LIMIT = 16;

type Pending = { write: () => void; fail: (error: unknown) => void };

/**
 * A queue of writes for the end of the loop turn. `defer(write, fail)` queues `write`; a write that throws
 * (node:http refusing a field, a socket gone) is handed to its own `fail` and the others still go out.
 */
export function turnWrites(limit: number = TURN_WRITE_LIMIT): (write: () => void, fail: (error: unknown) => void) => void {
  let pending: Pending[] = [];
  const flush = () => {
    const due = pending;
    pending = [];
    for (const { write, fail } of due) {
      try {
        write();
      } catch (error) {
        fail(error);
      }
    }
  };
  return (write, fail) => {
    pending.push({ write, fail });
    if (pending.length >= limit) flush();
    else if (pending.length === 1) setImmediate(flush);
  };
}
