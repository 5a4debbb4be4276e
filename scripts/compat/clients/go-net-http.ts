import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientEnv, exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// Go's net/http (Debian's golang-go) has no challenge-response authentication: its users call
// req.SetBasicAuth(user, password), which sends Basic before any challenge, or set the Authorization header
// for a token. The http.Client follows redirects (and drops Authorization when the redirect leaves the
// host); for the 407 cases the Transport's Proxy is the lab with the credentials in its URL. The program
// (compat_client.go) is built once per run into a temporary directory, then started once per case.

const SOURCE = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'compat_client.go');
let built: Promise<string> | undefined;

function binary(): Promise<string> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-go-'));
    const out = path.join(dir, 'compat-client');
    const finished = await runClient('go', ['build', '-o', out, SOURCE], { env: clientEnv({ GO111MODULE: 'off', GOCACHE: path.join(dir, 'cache') }) });
    if (finished.code !== 0) throw new Error(`go build failed (install golang-go): ${finished.stderr}`);
    return out;
  })();
  return built;
}

export const goNetHttp: ClientAdapter = {
  id: 'go-net-http',
  name: 'Go net/http',
  configuration:
    'http.Client with req.SetBasicAuth(user, password), sent at once (net/http answers no challenge), or an Authorization: Bearer header; redirects followed; Transport.Proxy = the lab with user:password in its URL for the 407 cases.',
  version: () => versionFrom('go', ['version'], /^go version (go\S+)/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, proxy: isProxyCase(c) ? lab.origin : undefined };
    return { note: exitNote(await runClient(await binary(), [JSON.stringify(input)]), 'Go') };
  },
  async close() {
    if (!built) return;
    const out = await built.catch(() => undefined);
    built = undefined;
    if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
  },
};
