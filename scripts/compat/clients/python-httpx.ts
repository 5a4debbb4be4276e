import path from 'node:path';
import { documentedScheme } from '../case-scheme';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';
import { PYTHON } from './python-requests';

// httpx (Debian's python3-httpx) as its documentation has a user authenticate: httpx.DigestAuth for a
// server documented as Digest, httpx.BasicAuth (what auth=(user, password) means, sent at once) otherwise
// (httpx-ntlm is not in Debian), a Bearer token in the Authorization header, follow_redirects=True (httpx
// does not follow by default), and for the 407 cases the lab as proxy with the credentials in its URL.

const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'python_httpx.py');

export const pythonHttpx: ClientAdapter = {
  id: 'python-httpx',
  name: 'Python httpx',
  configuration:
    'httpx.Client with DigestAuth for the documented Digest scheme, else BasicAuth (sent at once; no NTLM in Debian); a token in the Authorization header; follow_redirects=True; proxies={"http://": "http://user:password@lab"} for the 407 cases.',
  version: () => versionFrom(PYTHON, ['-c', 'import httpx, platform; print("httpx", httpx.__version__, "Python", platform.python_version())'], /^(httpx .+)$/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const scheme = token ? 'Bearer' : documentedScheme(c.id);
    const proxy = isProxyCase(c) ? `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${new URL(lab.origin).host}` : undefined;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, scheme, proxy };
    const auth = token ? 'Authorization: Bearer header' : scheme === 'Digest' ? 'DigestAuth' : 'BasicAuth';
    return { note: `${auth}: ${exitNote(await runClient(PYTHON, [SCRIPT, JSON.stringify(input)]), 'httpx')}` };
  },
};
