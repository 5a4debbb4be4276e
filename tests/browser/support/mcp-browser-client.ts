// A browser MCP client, as MCP Inspector or a web app is one: the official SDK's client and Streamable HTTP
// transport, bundled for the browser by the test (esbuild), running on an origin of its own. Its OAuth
// provider keeps what must survive the trip to the consent page in sessionStorage, and sends the user there
// with a top-level navigation, as a web client does. The page reads window.mcpClient's results.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

const stored = <T>(key: string): T | undefined => {
  const text = sessionStorage.getItem(key);
  return text === null ? undefined : (JSON.parse(text) as T);
};
const store = (key: string, value: unknown) => sessionStorage.setItem(key, JSON.stringify(value));

class SessionProvider implements OAuthClientProvider {
  get redirectUrl() {
    return `${location.origin}/callback`;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'Browser MCP client in the tests', redirect_uris: [this.redirectUrl], token_endpoint_auth_method: 'none' };
  }
  state() {
    const state = crypto.randomUUID();
    store('state', state);
    return state;
  }
  clientInformation() {
    return stored<OAuthClientInformationMixed>('client');
  }
  saveClientInformation(information: OAuthClientInformationMixed) {
    store('client', information);
  }
  tokens() {
    return stored<OAuthTokens>('tokens');
  }
  saveTokens(tokens: OAuthTokens) {
    store('tokens', tokens);
  }
  redirectToAuthorization(url: URL) {
    store('sent-to', url.href);
    location.assign(url.href);
  }
  saveCodeVerifier(verifier: string) {
    store('verifier', verifier);
  }
  codeVerifier() {
    return stored<string>('verifier') ?? '';
  }
}

/** The requests the SDK made from this page, method and URL, kept across the trip to the consent page. */
const log: string[] = stored<string[]>('log') ?? [];
const loggingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  log.push(`${request.method} ${request.url}`);
  store('log', log);
  return fetch(request);
};

async function connect(endpoint: string): Promise<Client> {
  const client = new Client({ name: 'browser-test-client', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: new SessionProvider(), fetch: loggingFetch }));
  return client;
}

declare global {
  interface Window {
    mcpClient: {
      start(endpoint: string): Promise<string>;
      finish(endpoint: string): Promise<{ whoami: string; log: string[]; state: string | undefined; returnedState: string | null }>;
    };
  }
}

window.mcpClient = {
  /** Connects with nothing stored: the SDK meets the 401, discovers, registers and leaves for the consent page. */
  async start(endpoint) {
    sessionStorage.clear();
    try {
      await connect(endpoint);
      return 'connected without signing in';
    } catch (error) {
      return error instanceof UnauthorizedError ? 'sent to sign in' : `failed: ${String(error)}`;
    }
  },
  /** On the callback page: exchanges the code, connects again and calls whoami. */
  async finish(endpoint) {
    const params = new URLSearchParams(location.search);
    const transport = new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: new SessionProvider(), fetch: loggingFetch });
    await transport.finishAuth(params.get('code') ?? '');
    const client = await connect(endpoint);
    const answer = await client.callTool({ name: 'whoami' });
    await client.close();
    const text = (answer.content as { text?: string }[])[0]?.text ?? '';
    return { whoami: text, log, state: stored<string>('state'), returnedState: params.get('state') };
  },
};
