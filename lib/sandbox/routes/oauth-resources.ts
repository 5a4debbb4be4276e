import { PROTECTED_RESOURCE_SUFFIX } from '@/lib/oauth/well-known';
import { problemResponse } from '../problem';
import { answerMcp, whoamiClaims } from '../oauth/mcp-server';
import {
  BEARER_OR_DPOP_RESOURCE,
  DPOP_RESOURCE,
  labProtectedResourceMetadata,
  MCP_RESOURCE,
  TRANSFER_RESOURCE,
  WHOAMI_RESOURCE,
  type LabResource,
} from '../oauth/lab-metadata';
import { guardResource, type GuardOptions } from '../oauth/resource-guard';
import type { SandboxContext } from '../context';
import type { SandboxRequest } from '../message';
import { DPOP_CORS_REQUEST_HEADERS, jsonResponse, labOrigin, MCP_CORS_REQUEST_HEADERS, oauthGetDoc } from './oauth-http';
import type { EndpointRoute } from './route';

// The resources the lab's authorization server protects, and their metadata (RFC 9728): whoami, a plain
// JSON resource; the MCP server; and a transfer that needs a step-up (RFC 9470). Several resources, so a
// token asked for one (RFC 8707 resource) is refused by another: the audience check MCP's authorization
// specification insists on.

/** RFC 9728 §3.1: the metadata sits at the well-known suffix with the resource's path after it. */
function protectedResourceMetadataRoute(resource: LabResource, operationId: string): EndpointRoute {
  return {
    kind: 'endpoint',
    path: `${PROTECTED_RESOURCE_SUFFIX}${resource.path}`,
    methods: ['GET'],
    cors: true,
    corsRequestHeaders: MCP_CORS_REQUEST_HEADERS,
    wrongMethod: 'Protected resource metadata is read with GET (RFC 9728 §3.1).',
    handle: (request, { ctx }) => ({ response: jsonResponse(200, labProtectedResourceMetadata(labOrigin(request, ctx), resource)), trace: [] }),
    describe: () =>
      oauthGetDoc(
        operationId,
        `Protected resource metadata: ${resource.path.split('/').at(-1) ?? resource.path}`,
        `RFC 9728 §2 for the resource ${resource.path}, at the URL §3.1 derives from it: which authorization server issues its tokens, which scope and bearer methods it takes.`,
        {
          '200': {
            description: 'The metadata; its resource is exactly the resource URL (RFC 9728 §3.3).',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      ),
  };
}

const CHALLENGE_HEADER = {
  'WWW-Authenticate': {
    description: 'Bearer realm and resource_metadata (RFC 9728 §5.1); error when a token was refused (RFC 6750 §3.1).',
    required: true,
    schema: { type: 'string' },
  },
};

/** A resource that answers who the token speaks for: whoami (Bearer), and the two DPoP resources (RFC 9449 §7). */
function whoamiRoute(resource: LabResource, operationId: string, summary: string, description: string): EndpointRoute {
  return {
    kind: 'endpoint',
    path: resource.path,
    methods: ['GET'],
    cors: true,
    // A DPoP proof's jti is claimed in the store (RFC 9449 §11.1): with REDIS_URL, a 503 while it is away.
    ...(resource.dpop ? { corsRequestHeaders: DPOP_CORS_REQUEST_HEADERS, sharedStore: true as const } : {}),
    wrongMethod: 'Ask who you are with GET.',
    handle: async (request, { ctx }) => {
      const access = await guardResource(request, resource, guardOptions(request, ctx));
      return { response: access.kind === 'refused' ? access.response : jsonResponse(200, whoamiClaims(access)), trace: access.trace };
    },
    describe: () =>
      oauthGetDoc(operationId, summary, description, {
        '200': { description: 'The token’s user, client, scope and scheme.', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': { description: 'More than one Authorization field, or credentials of a scheme the resource does not take.' },
        '401': {
          description: resource.dpop
            ? 'No token; a refused one (invalid_token); a missing or wrong proof (invalid_dpop_proof); or, where the resource wants a nonce, use_dpop_nonce with DPoP-Nonce.'
            : 'No token, or one refused (invalid_token with the reason).',
          headers: CHALLENGE_HEADER,
        },
        '403': { description: `insufficient_scope: the token lacks ${resource.scope}.`, headers: CHALLENGE_HEADER },
      }),
  };
}

export const mcpRoute: EndpointRoute = {
  kind: 'endpoint',
  path: MCP_RESOURCE.path,
  // Streamable HTTP: a stateless server takes POST only; GET (a server-to-client stream) and DELETE (ending a
  // session) get 405, which the transport specification allows.
  methods: ['POST'],
  cors: true,
  corsRequestHeaders: MCP_CORS_REQUEST_HEADERS,
  wrongMethod:
    'This MCP server is stateless: POST JSON-RPC messages to it (MCP Streamable HTTP transport); it opens no GET stream and has no session to DELETE.',
  handle: async (request, { ctx }) => {
    const origin = labOrigin(request, ctx);
    const access = await guardResource(request, MCP_RESOURCE, guardOptions(request, ctx));
    if (access.kind === 'refused') return { response: access.response, trace: access.trace };
    let url: string;
    try {
      url = new URL(request.target, origin).toString();
    } catch {
      return { response: problemResponse({ status: 400, detail: 'The request target is not a valid path.' }), trace: [] };
    }
    return { response: await answerMcp(request, url, access), trace: access.trace };
  },
  describe: () => ({
    post: {
      operationId: 'mcp',
      summary: 'The lab’s MCP server',
      description:
        'A Model Context Protocol server (revision 2025-11-25, Streamable HTTP transport, stateless, JSON answers) with the tools whoami and explain_response, built with the official TypeScript SDK. Without a token: 401 with resource_metadata, where an MCP client’s discovery starts. A token for whoami is refused here (its aud is another resource).',
      tags: ['OAuth'],
      requestBody: {
        required: true,
        description: 'A JSON-RPC 2.0 message. Accept must name both application/json and text/event-stream.',
        content: { 'application/json': { schema: { type: 'object' }, example: { jsonrpc: '2.0', id: 1, method: 'tools/list' } } },
      },
      responses: {
        '200': { description: 'The JSON-RPC answer.', content: { 'application/json': { schema: { type: 'object' } } } },
        '202': { description: 'A notification or a response was accepted.' },
        '400': { description: 'Not JSON-RPC (a JSON-RPC error), or more than one Authorization field.' },
        '401': { description: 'No token, or one refused (invalid_token with the reason).', headers: CHALLENGE_HEADER },
        '403': { description: 'insufficient_scope: the token lacks mcp:tools.', headers: CHALLENGE_HEADER },
        '406': { description: 'Accept does not name both application/json and text/event-stream.' },
        '415': { description: 'The body is not application/json.' },
      },
    },
  }),
};

export const transferRoute: EndpointRoute = {
  kind: 'endpoint',
  path: TRANSFER_RESOURCE.path,
  methods: ['POST'],
  cors: true,
  wrongMethod: 'A transfer is made with POST.',
  handle: async (request, { ctx }) => {
    const access = await guardResource(request, TRANSFER_RESOURCE, guardOptions(request, ctx));
    if (access.kind === 'refused') return { response: access.response, trace: access.trace };
    const signedInSecondsAgo = access.authTime === undefined ? undefined : Math.floor(ctx.now() / 1000) - access.authTime;
    return {
      response: jsonResponse(200, {
        approved: true,
        note: 'Nothing moved: this is the lab. The sign-in behind the token was strong and recent enough.',
        sub: access.subject,
        acr: access.acr,
        auth_time: access.authTime,
        signed_in_seconds_ago: signedInSecondsAgo,
      }),
      trace: access.trace,
    };
  },
  describe: () => ({
    post: {
      operationId: 'transfer',
      summary: 'A transfer that needs a step-up',
      description: `A resource that needs more than a valid token: a sign-in with a second factor (acr ${TRANSFER_RESOURCE.stepUp?.acr}) at most ${TRANSFER_RESOURCE.stepUp?.maxAgeSeconds} s old. A token from a password-only or older sign-in gets 401 insufficient_user_authentication with acr_values and max_age (RFC 9470 §3); a new authorization request with them gets a token that works.`,
      tags: ['OAuth'],
      responses: {
        '200': { description: 'Approved (nothing moves): who signed in, how and when.', content: { 'application/json': { schema: { type: 'object' } } } },
        '401': { description: 'No token, a refused one (invalid_token), or a step-up (insufficient_user_authentication).', headers: CHALLENGE_HEADER },
        '403': { description: 'insufficient_scope: the token lacks transfer.', headers: CHALLENGE_HEADER },
      },
    },
  }),
};

export const RESOURCE_ROUTES: readonly EndpointRoute[] = [
  protectedResourceMetadataRoute(WHOAMI_RESOURCE, 'protectedResourceMetadata'),
  whoamiRoute(
    WHOAMI_RESOURCE,
    'whoami',
    'Who the token says you are',
    'A resource protected by the lab’s authorization server. Without a token: 401 with resource_metadata (RFC 9728 §5.1), where discovery starts. A token for another resource: 401 invalid_token saying so.',
  ),
  protectedResourceMetadataRoute(MCP_RESOURCE, 'mcpProtectedResourceMetadata'),
  mcpRoute,
  protectedResourceMetadataRoute(TRANSFER_RESOURCE, 'transferProtectedResourceMetadata'),
  transferRoute,
  protectedResourceMetadataRoute(DPOP_RESOURCE, 'dpopProtectedResourceMetadata'),
  whoamiRoute(
    DPOP_RESOURCE,
    'dpopWhoami',
    'Who the token says you are, for DPoP-bound tokens only',
    'RFC 9449 §7.1: send Authorization: DPoP <token> and a DPoP proof with ath and this resource’s own nonce (§9). Without the nonce: 401 use_dpop_nonce with DPoP-Nonce. A DPoP token sent as Bearer, an unbound token, a proof for another method or URL, a replayed jti, a wrong ath, another key: each refused, saying why.',
  ),
  protectedResourceMetadataRoute(BEARER_OR_DPOP_RESOURCE, 'bearerOrDpopProtectedResourceMetadata'),
  whoamiRoute(
    BEARER_OR_DPOP_RESOURCE,
    'bearerOrDpopWhoami',
    'Who the token says you are, to Bearer or DPoP tokens',
    'Takes a Bearer token or a DPoP-bound one with its proof; without a token it sends both challenges (RFC 9449 §7.2). A DPoP-bound token sent as Bearer is refused.',
  ),
];

/** What a resource needs to check a request: the origin it answers as, the secret, the clock, the proofs seen. */
const guardOptions = (request: SandboxRequest, ctx: SandboxContext): GuardOptions => ({
  origin: labOrigin(request, ctx),
  secret: ctx.secret,
  now: ctx.now(),
  seenProofs: ctx.store,
});
