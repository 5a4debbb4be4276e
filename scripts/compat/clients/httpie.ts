import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentedScheme } from '../case-scheme';
import { clientEnv, exitNote, isProxyCase, runClient, versionFrom, type ClientAdapter } from '../adapter';

// HTTPie (Debian's httpie) as its documentation has a user authenticate: -a user:password with
// --auth-type for the scheme the server documents (basic, its default, is sent at once; digest waits for
// the challenge; bearer takes the token), --follow for redirects, --proxy http:http://user:password@lab for
// the 407 cases, --raw for a POST body. NTLM needs the httpie-ntlm plugin, which Debian does not package:
// those cases get HTTPie's default, Basic. An empty config directory keeps a user's settings out.

let config: string | undefined;
const configDir = () => (config ??= fs.mkdtempSync(path.join(os.tmpdir(), 'compat-httpie-')));

function authArgs(scheme: string | undefined, username: string, password: string, token: string | undefined): string[] {
  if (token) return ['--auth-type', 'bearer', '-a', token];
  return ['--auth-type', scheme === 'Digest' ? 'digest' : 'basic', '-a', `${username}:${password}`];
}

export const httpie: ClientAdapter = {
  id: 'httpie',
  name: 'HTTPie',
  configuration:
    'http -a user:password with --auth-type for the documented scheme (basic, sent at once, unless Digest; bearer for a token; no NTLM plugin in Debian); --follow; --proxy http:http://user:password@lab for the 407 cases; --raw for POST bodies.',
  version: () => versionFrom('http', ['--version'], /^(\d\S*)$/m),
  async run(c, lab) {
    const { username, password, token } = c.credentials;
    const scheme = token ? 'Bearer' : documentedScheme(c.id);
    const proxy = isProxyCase(c) ? ['--proxy', `http:http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${new URL(lab.origin).host}`] : [];
    const body = c.request.body === undefined ? [] : ['--raw', c.request.body];
    const args = [
      '--ignore-stdin',
      '--print=h',
      '--follow',
      '--timeout',
      '10',
      ...authArgs(scheme, username, password, token),
      ...proxy,
      ...body,
      c.request.method,
      c.url,
    ];
    const finished = await runClient('http', args, { env: clientEnv({ HTTPIE_CONFIG_DIR: configDir() }) });
    const status = finished.stdout.match(/^HTTP\/[\d.]+ (\d{3})/m)?.[1];
    const note = exitNote({ ...finished, stdout: status ? `ended with status ${status}` : '' }, 'HTTPie');
    return { note: `--auth-type ${token ? 'bearer' : scheme === 'Digest' ? 'digest' : 'basic'}: ${note}` };
  },
  async close() {
    if (config) fs.rmSync(config, { recursive: true, force: true });
    config = undefined;
  },
};
