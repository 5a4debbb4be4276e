// The lab's MCP server (Model Context Protocol, revision 2025-11-25): the official TypeScript SDK's
// McpServer behind its Web-standard Streamable HTTP transport, so what a client meets on the wire is the
// SDK's own behaviour, not a hand-written imitation. The route (routes/oauth-resources.ts) checks the token
// first, as the specification's Authorization section asks of a protected MCP server.
//
// Stateless: a fresh server and transport answer each POST (no Mcp-Session-Id), with JSON rather than an
// SSE stream, so any instance can answer any request and nothing stays open after the answer.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { explainResponse, MAX_EXPLAIN_BYTES } from '@/lib/explain';
import * as z from '@/lib/zod';
import { MAX_BODY_BYTES } from '../limits';
import type { HeaderList, SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import type { ResourceAccess } from './resource-guard';

export type McpGrant = Extract<ResourceAccess, { kind: 'granted' }>;

export const MCP_SERVER_INFO = { name: 'http-auth-lab', title: 'HTTP Auth Lab', version: '1.0.0' };

/** What whoami answers: the claims the resource server checked, nothing more. */
export function whoamiClaims(grant: McpGrant) {
  return {
    sub: grant.subject,
    client_id: grant.clientId,
    scope: grant.scope.join(' '),
    aud: grant.resource,
    expires_in: grant.expiresInSeconds,
    // How the token came: Bearer, or DPoP with a proof of its key (RFC 9449 §7.1).
    scheme: grant.scheme,
  };
}

function labMcpServer(grant: McpGrant): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions:
      'An MCP server of HTTP Auth Lab, reached through OAuth discovery from a 401 (RFC 9728). whoami says who the access token speaks for; explain_response reads an HTTP response and says what its 401, 403 or 407 asks for.',
  });
  server.registerTool(
    'whoami',
    {
      title: 'Who am I',
      description: 'Who the access token of this connection speaks for: its user (sub), client, scope and audience (RFC 9068 §2.2).',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () => {
      const claims = whoamiClaims(grant);
      return {
        content: [
          {
            type: 'text',
            text: `You are ${claims.sub}, through the client ${claims.client_id}, with the scope "${claims.scope}".\n${JSON.stringify(claims, null, 2)}`,
          },
        ],
      };
    },
  );
  server.registerTool(
    'explain_response',
    {
      title: 'Explain an HTTP response',
      description:
        'Reads an HTTP response (status line and header fields, as curl -i or -v prints them) and says what its challenges ask for, what is wrong with them, and what a client does next, citing RFC sections.',
      inputSchema: { response: z.string().check(z.minLength(1), z.maxLength(MAX_EXPLAIN_BYTES)) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ response }) => {
      const explanation = explainResponse(response);
      const findings = explanation.findings.map((f) => `- ${f.severity}: ${f.message}${f.rfc ? ` (${f.rfc})` : ''}`);
      const text = [explanation.nextStep.summary, ...explanation.nextStep.notes, ...(findings.length > 0 ? ['', 'Findings:', ...findings] : [])].join('\n');
      return { content: [{ type: 'text', text }] };
    },
  );
  return server;
}

/** Answers one POST to the MCP endpoint for a request whose token was granted. */
export async function answerMcp(request: SandboxRequest, url: string, grant: McpGrant): Promise<SandboxResponse> {
  const server = labMcpServer(grant);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  try {
    await server.connect(transport);
    let webRequest: Request;
    try {
      const headers = new Headers();
      for (const [name, value] of request.headers) headers.append(name, value);
      webRequest = new Request(url, { method: request.method, headers, body: new Uint8Array(request.body) });
    } catch {
      // The HTTP adapters only pass valid fields; an in-process caller might not.
      return problemResponse({ status: 400, detail: 'A header field of the request is not valid HTTP (RFC 9110 §5).' });
    }
    const answer = await transport.handleRequest(webRequest, {
      authInfo: { token: grant.token, clientId: grant.clientId, scopes: grant.scope, resource: new URL(grant.resource) },
    });
    const fields: HeaderList = [];
    answer.headers.forEach((value, name) => fields.push([name, value]));
    return { status: answer.status, headers: fields, body: await answer.text() };
  } finally {
    await server.close();
  }
}
