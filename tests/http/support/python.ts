// The Python the client tests run: the first python3 that can import requests (PATH first, then
// Debian's, which scripts/ensure-test-tools.sh gives python3-requests), named by the interpreter's own
// path (sys.executable). A pyenv shim on PATH is a shell script that finds the interpreter on every run:
// 0.46 s to start Python and import requests through it against 0.23 s for the same interpreter named
// directly (2026-12-06), and a test run starts Python about 150 times.
import { spawnSync } from 'node:child_process';

/** The interpreter `bin` runs, if it can import `module`. */
function interpreterImporting(bin: string, module: string): string | undefined {
  const found = spawnSync(bin, ['-c', `import sys, ${module}; print(sys.executable)`], { encoding: 'utf8' });
  const executable = found.stdout?.trim();
  return found.status === 0 && executable ? executable : undefined;
}

/** The first python3 (PATH's, then Debian's) that can import `module`, by its own path. */
export function pythonImporting(module: string): string | undefined {
  for (const bin of ['python3', '/usr/bin/python3']) {
    const executable = interpreterImporting(bin, module);
    if (executable) return executable;
  }
  return undefined;
}

export const pythonWithRequests = pythonImporting('requests');

/** The interpreter, or a clear failure naming the package to install. */
export function requirePython(): string {
  if (!pythonWithRequests) throw new Error('no python3 with the requests package: install python3-requests');
  return pythonWithRequests;
}

/**
 * An OpenSSL configuration that turns on the legacy provider beside the default one: Debian 12's OpenSSL 3
 * leaves MD4 in the legacy provider, and python3-requests-ntlm (through ntlm-auth) hashes with it. Point
 * OPENSSL_CONF at a file with this text, as the lab's Python snippet and lesson 17 tell readers to.
 */
export const LEGACY_OPENSSL_CONF = [
  'openssl_conf = openssl_init',
  '[openssl_init]',
  'providers = provider_sect',
  '[provider_sect]',
  'default = default_sect',
  'legacy = legacy_sect',
  '[default_sect]',
  'activate = 1',
  '[legacy_sect]',
  'activate = 1',
  '',
].join('\n');
