import path from 'node:path';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';
import { PYTHON } from './python-requests';

// aiohttp (Debian's python3-aiohttp) as its documentation has a user authenticate: ClientSession(auth=
// BasicAuth(user, password)), its only scheme, sent with every request (encoded latin-1 unless told
// otherwise), a Bearer token in the Authorization header, redirects followed (its default), and for the
// 407 cases proxy=lab with proxy_auth=BasicAuth(...).

const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'python_aiohttp.py');

export const pythonAiohttp: ClientAdapter = {
  id: 'python-aiohttp',
  name: 'Python aiohttp',
  configuration:
    'ClientSession(auth=BasicAuth(user, password)), sent at once (aiohttp has no other scheme); a token in the Authorization header; redirects followed; proxy=lab with proxy_auth=BasicAuth for the 407 cases.',
  version: () =>
    versionFrom(PYTHON, ['-c', 'import aiohttp, platform; print("aiohttp", aiohttp.__version__, "Python", platform.python_version())'], /^(aiohttp .+)$/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, proxy: isProxyCase(c) ? lab.origin : undefined };
    return { note: exitNote(await runClient(PYTHON, [SCRIPT, JSON.stringify(input)]), 'aiohttp') };
  },
};
