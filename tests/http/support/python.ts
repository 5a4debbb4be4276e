// The Python the client tests run: the first python3 that can import requests (PATH first, then
// Debian's, which scripts/ensure-test-tools.sh gives python3-requests).
import { spawnSync } from 'node:child_process';

export const pythonWithRequests = ['python3', '/usr/bin/python3'].find((bin) => spawnSync(bin, ['-c', 'import requests']).status === 0);

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
