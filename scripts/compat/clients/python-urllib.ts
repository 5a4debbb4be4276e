import path from 'node:path';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';
import { PYTHON } from './python-requests';

// Python's urllib.request as its documentation configures authentication: an
// HTTPPasswordMgrWithDefaultRealm (any realm of the lab) with HTTPBasicAuthHandler and
// HTTPDigestAuthHandler both installed, so urllib waits for the challenge and picks the handler itself;
// ProxyHandler with ProxyBasicAuthHandler and ProxyDigestAuthHandler for the 407 cases; a Bearer token in
// the Authorization header; redirects by the default HTTPRedirectHandler. Debian's /usr/bin/python3.

const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'python_urllib.py');

export const pythonUrllib: ClientAdapter = {
  id: 'python-urllib',
  name: 'Python urllib.request',
  configuration:
    'build_opener with HTTPPasswordMgrWithDefaultRealm, HTTPBasicAuthHandler and HTTPDigestAuthHandler (challenge first); ProxyHandler with ProxyBasicAuthHandler and ProxyDigestAuthHandler for the 407 cases; a token in the Authorization header; the default redirect handler.',
  version: () => versionFrom(PYTHON, ['-c', 'import platform; print("Python", platform.python_version())'], /^(Python \S+)$/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, proxy: isProxyCase(c) ? lab.origin : undefined };
    return { note: exitNote(await runClient(PYTHON, [SCRIPT, JSON.stringify(input)]), 'urllib') };
  },
};
