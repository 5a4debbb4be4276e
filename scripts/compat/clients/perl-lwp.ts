import path from 'node:path';
import { documentedRealms } from '../case-scheme';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// Perl's LWP::UserAgent (Debian's libwww-perl) as its documentation has a user authenticate:
// $ua->credentials("host:port", $realm, $user, $password), which needs the realm; the user copies it from
// the server's documentation, so the adapter registers every realm the case's challenges name (parsed the
// RFC way, scripts/compat/case-scheme.ts). LWP then waits for the challenge and answers Basic or Digest
// (NTLM needs Authen::NTLM, not installed). Redirects are followed for GET and HEAD (LWP's default); the
// 407 cases set the lab as proxy with the credentials in its URL (LWP sends proxy Basic at once); a Bearer
// token goes in the Authorization header.

const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'perl_lwp.pl');

export const perlLwp: ClientAdapter = {
  id: 'perl-lwp',
  name: 'Perl LWP::UserAgent',
  configuration:
    '$ua->credentials("host:port", realm, user, password) for each realm the server documents (challenge first); redirects followed for GET/HEAD; $ua->proxy("http", "http://user:password@lab") for the 407 cases; a token in the Authorization header.',
  version: () => versionFrom('perl', ['-MLWP', '-e', 'printf "LWP %s, Perl %vd\\n", $LWP::VERSION, $^V'], /^(LWP .+)$/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const realms = documentedRealms(c.id);
    const input = {
      url: c.url,
      method: c.request.method,
      body: c.request.body,
      username,
      password,
      token,
      realms,
      proxy: isProxyCase(c) ? lab.origin : undefined,
    };
    const finished = await runClient('perl', [SCRIPT, JSON.stringify(input)]);
    return { note: `Credentials for ${realms.length === 0 ? 'no realm' : realms.map((r) => JSON.stringify(r)).join(', ')}: ${exitNote(finished, 'LWP')}` };
  },
};
