// The Python the client tests run: the first python3 that can import requests (PATH first, then
// Debian's, which scripts/ensure-test-tools.sh gives python3-requests).
import { spawnSync } from 'node:child_process';

export const pythonWithRequests = ['python3', '/usr/bin/python3'].find((bin) => spawnSync(bin, ['-c', 'import requests']).status === 0);

/** The interpreter, or a clear failure naming the package to install. */
export function requirePython(): string {
  if (!pythonWithRequests) throw new Error('no python3 with the requests package: install python3-requests');
  return pythonWithRequests;
}
