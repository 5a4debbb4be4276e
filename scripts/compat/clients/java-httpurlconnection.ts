import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitNote, isProxyCase, runClient, type ClientAdapter } from '../adapter';

// Java's HttpURLConnection (OpenJDK from Debian) with an Authenticator, as its documentation has a user
// authenticate: the Authenticator answers the server's and the proxy's challenges (Basic, Digest, NTLM and
// Negotiate are built in; HttpURLConnection picks the scheme), redirects followed within one protocol (its
// default), the lab as an HTTP Proxy for the 407 cases, a Bearer token in the Authorization header.
// CompatClient.java is compiled once per run into a temporary directory, then one JVM per case, so no
// cached credentials carry from one case to the next.

const SOURCE = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'CompatClient.java');
let compiled: Promise<string> | undefined;

function classPath(): Promise<string> {
  compiled ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-java-'));
    const finished = await runClient('javac', ['-d', dir, SOURCE]);
    if (finished.code !== 0) throw new Error(`javac failed (install default-jdk-headless): ${finished.stderr}`);
    return dir;
  })();
  return compiled;
}

export const javaHttpUrlConnection: ClientAdapter = {
  id: 'java-httpurlconnection',
  name: 'Java HttpURLConnection',
  configuration:
    'HttpURLConnection with an Authenticator (setDefault and setAuthenticator) giving the credentials for the server and the proxy (challenge first); redirects followed (default); openConnection(Proxy HTTP lab) for the 407 cases; a token with setRequestProperty("Authorization", "Bearer …").',
  async version() {
    const javac = await runClient('javac', ['-version']);
    if (javac.code !== 0) return undefined;
    const finished = await runClient('java', ['-XshowSettings:properties', '-version']);
    const version = finished.stderr.match(/java\.runtime\.version = (\S+)/)?.[1];
    const vendor = finished.stderr.match(/java\.runtime\.name = (.+)/)?.[1]?.trim();
    return version ? `${vendor ?? 'Java'} ${version}` : undefined;
  },
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const proxy = isProxyCase(c) ? new URL(lab.origin).host : '-';
    const args = ['-cp', await classPath(), 'CompatClient', c.url, c.request.method, username, password, token ?? '-', c.request.body ?? '-', proxy];
    return { note: exitNote(await runClient('java', args), 'HttpURLConnection') };
  },
  async close() {
    if (!compiled) return;
    const dir = await compiled.catch(() => undefined);
    compiled = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  },
};
