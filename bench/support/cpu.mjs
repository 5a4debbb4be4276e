// Server CPU time from Linux /proc, for benchmarks on a shared machine: CPU µs per request hardly
// moves with what else the machine is doing, unlike requests per second.
import fs from 'node:fs';

/** The process and its descendants (the sandbox server runs under tsx's launcher). */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        for (const child of fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').split(' ')) if (child.trim()) pids.push(Number(child));
      } catch {
        // The task ended meanwhile.
      }
    }
  }
  return pids;
}

/** User + system CPU milliseconds of a process tree, or NaN where /proc is not there. */
export function cpuMilliseconds(pid) {
  let ticks = 0;
  try {
    for (const each of processTree(pid)) {
      // Fields after "(comm)": state is the 1st, utime the 12th and stime the 13th (proc(5)), in USER_HZ = 1/100 s.
      const fields = fs.readFileSync(`/proc/${each}/stat`, 'utf8').split(') ').at(-1)?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return Number.NaN;
  }
  return ticks * 10;
}
