import fs from 'node:fs';
import os from 'node:os';

/** Where the clients ran, for the results: the distribution's name (from os-release), the kernel and the architecture. */
export function platform(): string {
  const release = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = release.match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1];
  return `${pretty ?? os.type()}, ${os.type()} ${os.release()}, ${os.arch()}`;
}
