import path from 'node:path';
import { exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// PHP's curl extension (Debian's php-curl) as its manual has a user authenticate: CURLOPT_HTTPAUTH
// CURLAUTH_ANY with CURLOPT_USERPWD (libcurl waits for the challenge and picks the scheme),
// CURLOPT_FOLLOWLOCATION, CURLOPT_PROXY with CURLOPT_PROXYAUTH CURLAUTH_ANY and CURLOPT_PROXYUSERPWD for
// the 407 cases, a Bearer token in CURLOPT_HTTPHEADER, CURLOPT_POSTFIELDS for a body. Same libcurl as the
// curl tool, through another front end.

const SCRIPT = path.join(process.cwd(), 'scripts', 'compat', 'clients', 'php_curl.php');

export const phpCurl: ClientAdapter = {
  id: 'php-curl',
  name: 'PHP curl extension',
  configuration:
    'CURLOPT_HTTPAUTH CURLAUTH_ANY with CURLOPT_USERPWD (challenge first); CURLOPT_FOLLOWLOCATION; CURLOPT_PROXY with CURLOPT_PROXYAUTH CURLAUTH_ANY and CURLOPT_PROXYUSERPWD for the 407 cases; a token in CURLOPT_HTTPHEADER; CURLOPT_POSTFIELDS for POST.',
  version: () =>
    versionFrom(
      'php',
      ['-r', 'if (!function_exists("curl_version")) exit(1); echo "PHP ", PHP_VERSION, ", libcurl ", curl_version()["version"], "\\n";'],
      /^(PHP .+)$/m,
    ),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const input = { url: c.url, method: c.request.method, body: c.request.body, username, password, token, proxy: isProxyCase(c) ? lab.origin : undefined };
    return { note: exitNote(await runClient('php', [SCRIPT, JSON.stringify(input)]), 'PHP curl') };
  },
};
