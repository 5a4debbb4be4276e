// The official MCP TypeScript SDK's client, with an OAuth provider, pointed at the lab's MCP endpoint from
// scratch: it must meet the 401, follow resource_metadata (RFC 9728 §5.1) to the authorization server's
// metadata (RFC 8414), register (RFC 7591), send the user to the consent page (this test signs in as a
// browser would), exchange the code with PKCE and resource (RFC 7636, RFC 8707), and call whoami. The MCP
// specification (revision 2025-11-25, Authorization) asks exactly this of a client.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { submitConsent } from './support/consent-form';
import { baseUrl } from './support/lab';

const MCP_PATH = '/api/sandbox/oauth/mcp';
const WHOAMI_PATH = '/api/sandbox/oauth/whoami';
const REDIRECT = 'http://127.0.0.1:49152/mcp-callback';

/** An OAuth provider that keeps everything in memory and, instead of opening a browser, remembers where it was sent. */
class RecordingProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = '';
  sentTo?: URL;
  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'MCP SDK client in the tests',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  state() {
    return 'state-from-the-test';
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(information: OAuthClientInformationMixed) {
    this.client = information;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.sentTo = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** fetch that writes down each request the SDK makes: method and path. */
function recordingFetch(log: string[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    log.push(`${request.method} ${url.pathname}`);
    return fetch(request);
  };
}

/** Signs in as `user` on the page the SDK sent the user to; returns the code from the redirect. */
async function signIn(authorizationUrl: URL, user: { username: string; password: string }): Promise<URL> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const answer = await submitConsent(new URL(authorizationUrl.pathname, authorizationUrl), await page.text(), { ...user, decision: 'allow' });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get('location') ?? '');
}

async function connectFromScratch() {
  const endpoint = new URL(MCP_PATH, baseUrl());
  const provider = new RecordingProvider();
  const log: string[] = [];
  const client = new Client({ name: 'lab-test-client', version: '1.0.0' });
  const first = new StreamableHTTPClientTransport(endpoint, { authProvider: provider, fetch: recordingFetch(log) });
  await expect(client.connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  const sentTo = provider.sentTo;
  if (!sentTo) throw new Error('the SDK never sent the user to the authorization endpoint');
  const callback = await signIn(sentTo, { username: 'alice', password: 'wonderland' });
  expect(callback.searchParams.get('state')).toBe('state-from-the-test');
  await first.finishAuth(callback.searchParams.get('code') ?? '');
  const second = new StreamableHTTPClientTransport(endpoint, { authProvider: provider, fetch: recordingFetch(log) });
  await client.connect(second);
  return { client, provider, log, sentTo, endpoint };
}

describe('the MCP SDK client connects to the lab from scratch', () => {
  test('401 → resource metadata → authorization server metadata → registration → consent → token → whoami', async () => {
    const { client, provider, log, sentTo, endpoint } = await connectFromScratch();
    try {
      // Discovery started from the 401's resource_metadata, not from a guess.
      expect(log.slice(0, 4)).toEqual([
        `POST ${MCP_PATH}`,
        `GET /.well-known/oauth-protected-resource${MCP_PATH}`,
        'GET /.well-known/oauth-authorization-server/api/sandbox/oauth',
        'POST /api/sandbox/oauth/register',
      ]);
      expect(log).toContain('POST /api/sandbox/oauth/token');
      // The authorization request the SDK built: PKCE S256, the resource, the scope the 401 asked for.
      expect(sentTo.pathname).toBe('/api/sandbox/oauth/authorize');
      expect(sentTo.searchParams.get('code_challenge_method')).toBe('S256');
      expect(sentTo.searchParams.get('resource')).toBe(endpoint.href);
      expect(sentTo.searchParams.get('scope')).toBe('mcp:tools');

      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_response', 'whoami']);
      const answer = await client.callTool({ name: 'whoami' });
      const text = (answer.content as { type: string; text: string }[])[0]?.text ?? '';
      expect(text).toContain('You are alice');
      expect(text).toContain(`"aud": "${endpoint.href}"`);
      expect(text).toContain(`"client_id": "${(provider.client as { client_id: string }).client_id}"`);

      const explained = await client.callTool({
        name: 'explain_response',
        arguments: { response: 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="x"\r\n\r\n' },
      });
      expect((explained.content as { text: string }[])[0]?.text).toMatch(/Basic/);
    } finally {
      await client.close();
    }
  });

  test('the token is bound to the MCP endpoint: whoami refuses it with invalid_token saying why (RFC 8707 §2)', async () => {
    const { client, provider, endpoint } = await connectFromScratch();
    await client.close();
    const token = provider.saved?.access_token ?? '';
    const refused = await fetch(new URL(WHOAMI_PATH, baseUrl()), { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    const challenge = refused.headers.get('www-authenticate') ?? '';
    expect(challenge).toContain('error="invalid_token"');
    expect(challenge).toContain(`not ${new URL(WHOAMI_PATH, baseUrl()).href}`);
    expect(challenge).toContain(`This token is for ${endpoint.href}`);
  });
});

describe('the MCP endpoint without the SDK', () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(new URL(MCP_PATH, baseUrl()), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
      body,
    });

  test('no token: 401 naming the MCP resource’s own metadata and scope', async () => {
    const answer = await post({}, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe(
      `Bearer realm="lab", scope="mcp:tools", resource_metadata="${new URL(`/.well-known/oauth-protected-resource${MCP_PATH}`, baseUrl()).href}"`,
    );
    const metadata = (await (await fetch(new URL(`/.well-known/oauth-protected-resource${MCP_PATH}`, baseUrl()))).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ resource: new URL(MCP_PATH, baseUrl()).href, scopes_supported: ['mcp:tools'] });
  });

  test('GET and DELETE get 405 with Allow: POST, OPTIONS (a stateless server opens no stream)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const answer = await fetch(new URL(MCP_PATH, baseUrl()), { method });
      expect([method, answer.status, answer.headers.get('allow')]).toEqual([method, 405, 'POST, OPTIONS']);
    }
  });

  test.each([MCP_PATH, `/.well-known/oauth-protected-resource${MCP_PATH}`, '/.well-known/oauth-authorization-server/api/sandbox/oauth'])(
    'a browser client’s preflight to %s may send Mcp-Protocol-Version, as the SDK does',
    async (path) => {
      const answer = await fetch(new URL(path, baseUrl()), {
        method: 'OPTIONS',
        headers: { Origin: 'https://inspector.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'mcp-protocol-version' },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Mcp-Protocol-Version');
    },
  );
});
