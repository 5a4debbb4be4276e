import path from 'node:path';
import { documentedScheme } from '../case-scheme';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// Python requests (Debian's /usr/bin/python3 and python3-requests) as its documentation has a user
// authenticate: the user picks the auth class for the scheme the server documents (HTTPDigestAuth for
// Digest, requests-ntlm's HttpNtlmAuth for NTLM and Negotiate, HTTPBasicAuth otherwise, which is what
// auth=(user, password) means and sends Basic before any challenge), a Bearer token in the Authorization
// header (requests has no class for it), redirects followed (its default), and for the 407 cases the lab
// as proxy with the credentials in the proxy URL. trust_env is off so the machine's proxy settings do not
// interfere. The scheme comes from the case data (scripts/compat/case-scheme.ts), as a user reads the docs.

export const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'python_requests.py');

/** What the adapter configured, for the note. */
function authClass(scheme: string | undefined): string {
  if (scheme === 'Bearer') return 'Authorization: Bearer header';
  if (scheme === 'Digest') return 'HTTPDigestAuth';
  if (scheme === 'NTLM' || scheme === 'Negotiate') return 'HttpNtlmAuth';
  return scheme === 'Basic' ? 'HTTPBasicAuth' : 'HTTPBasicAuth (no scheme documented)';
}

export const pythonRequests: ClientAdapter = {
  id: 'python-requests',
  name: 'Python requests',
  configuration:
    'requests with the auth class for the documented scheme (HTTPDigestAuth, requests-ntlm HttpNtlmAuth for NTLM/Negotiate, else HTTPBasicAuth, which is preemptive); a token in the Authorization header; redirects followed; proxies={"http": "http://user:password@lab"} for the 407 cases.',
  async version() {
    const requests = await versionFrom(
      PYTHON,
      ['-c', 'import requests, platform; print("requests", requests.__version__, "Python", platform.python_version())'],
      /^(requests .+)$/m,
    );
    if (!requests) return undefined;
    const ntlm = await versionFrom(PYTHON, ['-c', 'import importlib.metadata as m; print(m.version("requests_ntlm"))'], /^(\S+)$/m);
    return ntlm ? `${requests}, requests-ntlm ${ntlm}` : requests;
  },
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const scheme = token ? 'Bearer' : documentedScheme(c.id);
    const proxy = isProxyCase(c)
      ? `${new URL(lab.origin).protocol}//${encodeURIComponent(username)}:${encodeURIComponent(password)}@${new URL(lab.origin).host}`
      : undefined;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, scheme, proxy };
    const finished = await runClient(PYTHON, [SCRIPT, JSON.stringify(input)]);
    return { note: `${authClass(scheme)}: ${exitNote(finished, 'requests')}` };
  },
};
