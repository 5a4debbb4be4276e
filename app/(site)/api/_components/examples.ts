import { shellQuote } from '@/lib/playground/snippets/curl';
import type { OpenApiDocument } from '@/lib/sandbox/openapi/types';
import { labUsers } from '@/lib/sandbox/scenario/presets';
import { EXCHANGE_PATH, OPENAPI_PATH, presetPath, PRESETS_PATH, TOKEN_PATH } from '@/lib/sandbox/routes/paths';

// Runnable curl lines for each operation of the sandbox API, keyed by operationId, built for the host
// the reader sees. Only the lab's own users appear here.

/** `origin`: the lab's origin as `command` names it (the page shows, and copies, the reader's instead). */
export type CurlExample = { caption: string; copyLabel: string; command: string; expect: number; origin: string };

export function curlExamples(document: OpenApiDocument, base: URL): Record<string, CurlExample[]> {
  const examples = examplesFor(document, base);
  return Object.fromEntries(Object.entries(examples).map(([id, list]) => [id, list.map((example) => ({ ...example, origin: base.origin }))]));
}

function examplesFor(document: OpenApiDocument, base: URL): Record<string, Omit<CurlExample, 'origin'>[]> {
  const url = (path: string) => shellQuote(new URL(path, base).toString());
  const [alice = { name: 'alice', password: 'wonderland' }, bob = { name: 'bob', password: 'builder' }] = labUsers();
  const asAlice = `-u ${alice.name}:${alice.password}`;
  const proxyCredentials = `Basic ${Buffer.from(`${alice.name}:${alice.password}`).toString('base64')}`;
  const tokenRequest = `curl -s ${asAlice} -d grant_type=client_credentials -d scope=read ${url(TOKEN_PATH)}`;
  const exchange = document.paths['/api/exchange']?.post?.requestBody?.content['application/json']?.example;
  return {
    getBasic: [
      {
        caption: 'No credentials: a Basic challenge',
        copyLabel: 'Copy the request without credentials',
        command: `curl -i ${url('/api/sandbox/basic')}`,
        expect: 401,
      },
      { caption: `As ${alice.name}`, copyLabel: `Copy the request as ${alice.name}`, command: `curl -i ${asAlice} ${url('/api/sandbox/basic')}`, expect: 200 },
      {
        caption: `As ${alice.name}, where the editor role is needed`,
        copyLabel: 'Copy the request that needs a role',
        command: `curl -i ${asAlice} ${url('/api/sandbox/basic?role=editor')}`,
        expect: 403,
      },
    ],
    getDigest: [
      {
        caption: 'curl answers the challenge itself (both exchanges are shown)',
        copyLabel: 'Copy the Digest request',
        command: `curl -i --digest ${asAlice} ${url('/api/sandbox/digest?algorithm=SHA-256')}`,
        expect: 200,
      },
    ],
    getBearer: [
      { caption: 'No token: a Bearer challenge', copyLabel: 'Copy the request without a token', command: `curl -i ${url('/api/sandbox/bearer')}`, expect: 401 },
      {
        caption: 'With the token from the token endpoint',
        copyLabel: 'Copy the request with a token',
        command: `curl -i -H "Authorization: Bearer $TOKEN" ${url('/api/sandbox/bearer?scope=read')}`,
        expect: 200,
      },
      {
        caption: 'The same token where write is needed too',
        copyLabel: 'Copy the request that needs more scope',
        command: `curl -i -H "Authorization: Bearer $TOKEN" ${url('/api/sandbox/bearer?scope=read,write')}`,
        expect: 403,
      },
    ],
    issueToken: [
      { caption: 'Ask for a token with the read scope', copyLabel: 'Copy the token request', command: tokenRequest, expect: 200 },
      {
        caption: 'Keep the token in $TOKEN (needs jq)',
        copyLabel: 'Copy the command that keeps the token',
        command: `TOKEN=$(${tokenRequest} | jq -r .access_token)`,
        expect: 200,
      },
    ],
    getProxy: [
      {
        caption: 'Credentials for the origin only: the proxy asks first',
        copyLabel: 'Copy the request without proxy credentials',
        command: `curl -i ${asAlice} ${url('/api/sandbox/proxy')}`,
        expect: 407,
      },
      {
        caption: 'Credentials for the proxy only: now the origin asks',
        copyLabel: 'Copy the request without origin credentials',
        command: `curl -i -H ${shellQuote(`Proxy-Authorization: ${proxyCredentials}`)} ${url('/api/sandbox/proxy')}`,
        expect: 401,
      },
      {
        caption: 'Both',
        copyLabel: 'Copy the request with both credentials',
        command: `curl -i -H ${shellQuote(`Proxy-Authorization: ${proxyCredentials}`)} ${asAlice} ${url('/api/sandbox/proxy')}`,
        expect: 200,
      },
    ],
    getNtlm: [
      {
        caption: 'curl runs the three legs on one connection; the second URL rides the authenticated connection',
        copyLabel: 'Copy the NTLM request',
        command: `curl -i --ntlm ${asAlice} ${url('/api/sandbox/ntlm')} ${url('/api/sandbox/ntlm')}`,
        expect: 200,
      },
      {
        caption: 'The proxy hop asks NTLM (407), then the origin asks Basic',
        copyLabel: 'Copy the NTLM proxy request',
        command: `curl -i --proxy-ntlm -x ${url('/')} -U ${alice.name}:${alice.password} ${asAlice} ${url(presetPath('ntlm-proxy'))}`,
        expect: 200,
      },
    ],
    getNegotiate: [
      {
        caption: 'No credentials: a bare Negotiate challenge',
        copyLabel: 'Copy the Negotiate request',
        command: `curl -i ${url('/api/sandbox/negotiate')}`,
        expect: 401,
      },
    ],
    tunnel: [
      {
        caption: 'A tunnel through the lab to itself: 407 on the CONNECT without proxy credentials',
        copyLabel: 'Copy the CONNECT without proxy credentials',
        command: `curl -i -p -x ${url('/')} ${asAlice} ${url('/api/sandbox/basic')}`,
        expect: 407,
      },
      {
        caption: 'With proxy credentials: 200 Connection Established, then the origin answers inside the tunnel',
        copyLabel: 'Copy the CONNECT with proxy credentials',
        command: `curl -i -p -x ${url('/')} --proxy-user ${alice.name}:${alice.password} ${asAlice} ${url('/api/sandbox/basic')}`,
        expect: 200,
      },
      {
        caption: 'Anywhere else: 403, the lab is not an open proxy',
        copyLabel: 'Copy the CONNECT to another host',
        command: `curl -i -p -x ${url('/')} --proxy-user ${alice.name}:${alice.password} http://example.com/`,
        expect: 403,
      },
    ],
    listPresets: [{ caption: 'Every preset, as JSON', copyLabel: 'Copy the preset list request', command: `curl -s ${url(PRESETS_PATH)}`, expect: 200 }],
    getPreset: [
      {
        caption: `${alice.name} lacks the editor role`,
        copyLabel: `Copy the preset request as ${alice.name}`,
        command: `curl -i ${asAlice} ${url(presetPath('forbidden-by-role'))}`,
        expect: 403,
      },
      {
        caption: `${bob.name} has it`,
        copyLabel: `Copy the preset request as ${bob.name}`,
        command: `curl -i -u ${bob.name}:${bob.password} ${url(presetPath('forbidden-by-role'))}`,
        expect: 200,
      },
    ],
    getOpenApi: [{ caption: 'The OpenAPI document', copyLabel: 'Copy the OpenAPI request', command: `curl -s ${url(OPENAPI_PATH)}`, expect: 200 }],
    runExchange: [
      {
        caption: 'The whole Basic conversation, answered automatically',
        copyLabel: 'Copy the exchange request',
        command: `curl -s -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify(exchange))} ${url(EXCHANGE_PATH)}`,
        expect: 200,
      },
    ],
    preflight: [
      {
        caption: 'What a browser on another origin asks first',
        copyLabel: 'Copy the preflight request',
        command: `curl -i -X OPTIONS -H 'Origin: https://example.org' -H 'Access-Control-Request-Method: GET' -H 'Access-Control-Request-Headers: authorization' ${url('/api/sandbox/basic')}`,
        expect: 204,
      },
    ],
  };
}
