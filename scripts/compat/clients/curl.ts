import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter, type LabCase, type Lab } from '../adapter';

// curl as its manual tells a user to authenticate without knowing the scheme: --anyauth (curl waits for the
// challenge and picks the most secure scheme it supports), -L to follow redirects, the lab as its proxy
// with --proxy-anyauth for the 407 cases, and a Bearer token in its own header (curl's --oauth2-bearer
// sends it preemptively too; -H is what most users write). Same as tests/http/compat-run-curl.test.ts.

export function curlArgs(c: LabCase, lab: Lab): string[] {
  const { username, password, token } = c.credentials;
  const auth = token ? ['-H', `Authorization: Bearer ${token}`] : ['--anyauth', '-u', `${username}:${password}`];
  const proxy = isProxyCase(c) ? ['-x', lab.origin, '--proxy-anyauth', '-U', `${username}:${password}`] : [];
  const body = c.request.body === undefined ? [] : ['--data-binary', c.request.body];
  const out = ['-s', '-S', '-o', '/dev/null', '-w', 'ended with status %{http_code}\\n', '--max-time', '10'];
  return [...out, '-L', '-X', c.request.method, ...auth, ...proxy, ...body, c.url];
}

export const curl: ClientAdapter = {
  id: 'curl',
  name: 'curl',
  configuration:
    'curl --anyauth -u user:password -L (the lab as proxy with -x and --proxy-anyauth -U for the 407 cases); a token as -H "Authorization: Bearer …"; POST bodies with --data-binary.',
  version: () => versionFrom('curl', ['--version'], /^curl (\S+)/m),
  async run(c, lab) {
    return { note: exitNote(await runClient('curl', curlArgs(c, lab)), 'curl') };
  },
};
