import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// GNU Wget as its manual has a user give credentials: --user and --password (wget waits for the challenge,
// since --auth-no-challenge is off by default, and answers Basic, Digest or NTLM as built), following
// redirects as it does by default, the lab as http_proxy with --proxy-user/--proxy-password for the 407
// cases (wget sends proxy Basic at once), a Bearer token with --header, POST bodies with --body-data.
// wget prints the status only with -S; the note keeps its exit status (8: the server answered an error).

export const wget: ClientAdapter = {
  id: 'wget',
  name: 'GNU Wget',
  configuration:
    'wget --user --password (challenge first, redirects followed by default); the lab as http_proxy with --proxy-user/--proxy-password for the 407 cases; a token with --header "Authorization: Bearer …"; --method/--body-data for POST.',
  version: () => versionFrom('wget', ['--version'], /^GNU Wget (\S+)/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const auth = token ? ['--header', `Authorization: Bearer ${token}`] : ['--user', username, '--password', password];
    const proxy = isProxyCase(c)
      ? ['-e', 'use_proxy=yes', '-e', `http_proxy=${lab.origin}`, '--proxy-user', username, '--proxy-password', password]
      : ['--no-proxy'];
    const body = c.request.body === undefined ? [] : ['--body-data', c.request.body];
    const args = ['-q', '-O', '/dev/null', '--timeout', '10', '--tries', '1', '--no-config', '--method', c.request.method, ...auth, ...proxy, ...body, c.url];
    return { note: exitNote(await runClient('wget', args), 'wget') };
  },
};
