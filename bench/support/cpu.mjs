// Server CPU time from Linux /proc, for benchmarks on a shared machine: CPU µs per request hardly
// moves with what else the machine is doing, unlike requests per second.
import fs from 'node:fs';

/**
 * User + system CPU milliseconds of a process, or NaN where /proc is not there. The sandbox server is
 * the process startServer spawned (npm start's `node` on dist/server.mjs, no launcher in between).
 */
export function cpuMilliseconds(pid) {
  try {
    // Fields after "(comm)": state is the 1st, utime the 12th and stime the 13th (proc(5)), in USER_HZ = 1/100 s.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
