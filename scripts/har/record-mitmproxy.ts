// Records tests/fixtures/har/mitmproxy-lab.har: curl talking to the lab through Debian's mitmproxy (8.1.1 in
// bookworm), whose HAR comes from the har_dump.py addon the package ships as an example
// (/usr/share/doc/mitmproxy/examples/contrib/har_dump.py: it adds the `hardump` option that mitmproxy 10.1
// later built in). Conversations: Basic 401 → 200; the same wrong password three times; Digest 401 → 200;
// and -u credentials that curl does not carry over a redirect to another origin. Needs a build
// (`npm run build`) and `apt-get install mitmproxy`. Sandbox credentials only (alice / wonderland).
// Run: npx tsx scripts/har/record-mitmproxy.ts
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, startServer } from '../serve-build.mjs';
import { appOrigin } from './app-origin';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = path.join(root, 'tests/fixtures/har/mitmproxy-lab.har');
const HAR_DUMP = '/usr/share/doc/mitmproxy/examples/contrib/har_dump.py';
const USER = 'alice:wonderland';

/** mitmdump as a plain forward proxy, writing the HAR when it stops. Resolves once it listens. */
async function mitmdump(port: number) {
  const child = spawn('mitmdump', ['-q', '--listen-host', '127.0.0.1', '--listen-port', String(port), '-s', HAR_DUMP, '--set', `hardump=${file}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = http.get({ host: '127.0.0.1', port, path: '/' }, () => resolve(true));
      probe.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('mitmdump did not start listening');
}

/** Not execFileSync: the redirector answers from this process's event loop, which must keep running. */
const curl = (proxy: string, args: string[]) =>
  promisify(execFile)('curl', ['-sS', '-o', '/dev/null', '--noproxy', '', '-x', proxy, ...args], { encoding: 'utf8' });

if (!fs.existsSync(HAR_DUMP)) throw new Error(`${HAR_DUMP} is missing: apt-get install mitmproxy`);
const lab = await startServer({ SANDBOX_SECRET: 'har-fixtures-secret-0123456789abcdef', SANDBOX_RATE_LIMIT: 'off' });
process.on('exit', () => lab.child.kill());
const hop = await appOrigin(`${lab.baseUrl.replace('127.0.0.1', 'localhost')}/api/sandbox/basic`);
const port = await freePort();
const proxy = await mitmdump(port);
try {
  const via = `http://127.0.0.1:${port}`;
  // --anyauth: first without credentials, then with the scheme the 401 asks for.
  await curl(via, ['--anyauth', '-u', USER, `${lab.baseUrl}/api/sandbox/basic`]);
  for (let i = 0; i < 3; i++) await curl(via, ['--basic', '-u', 'alice:not-wonderland', `${lab.baseUrl}/api/sandbox/basic`]);
  await curl(via, ['--digest', '-u', USER, `${lab.baseUrl}/api/sandbox/digest`]);
  // curl -L keeps -u credentials for the host they were given for: localhost is another host.
  await curl(via, ['-L', '--basic', '-u', USER, `${hop.origin}/start`]);
} finally {
  const stopped = new Promise((resolve) => proxy.once('exit', resolve));
  proxy.kill('SIGINT');
  await stopped;
  await hop.close();
  lab.child.kill();
}
const har = JSON.parse(fs.readFileSync(file, 'utf8'));
fs.writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
console.log(`mitmproxy-lab.har: ${har.log.entries.length} entries`);
