import { hostOrigin } from '@/lib/site/request-host';
import type { SandboxContext } from '../context';
import { firstHeader, type HeaderList, type SandboxRequest, type SandboxResponse } from '../message';
import type { PathItem } from '../openapi/types';

// What the OAuth routes (oauth.ts: the authorization server; oauth-resources.ts: the resources it protects)
// share: the origin they answer as, and their JSON answers. Every document names the origin the request
// reached (or SITE_URL), since RFC 9728 §3.3 and RFC 8414 §3.3 compare identifiers character for character.

/** The origin the lab answers as: SITE_URL's when configured, else http:// and the request's Host (a plain host[:port] only). */
export function labOrigin(request: SandboxRequest, ctx: SandboxContext): string {
  if (ctx.publicOrigin) return ctx.publicOrigin;
  return hostOrigin('http:', firstHeader(request.headers, 'Host') ?? null)?.origin ?? 'http://localhost';
}

/**
 * What a browser MCP client's preflights ask to send: the MCP SDK adds MCP-Protocol-Version to the resource
 * and to the metadata requests of discovery (MCP 2025-11-25, Transports: Protocol Version Header).
 */
export const MCP_CORS_REQUEST_HEADERS: readonly string[] = ['Authorization', 'Content-Type', 'Mcp-Protocol-Version'];

/** What a browser client sends with a DPoP proof (RFC 9449 §4.1): the token endpoint and the DPoP resources allow it. */
export const DPOP_CORS_REQUEST_HEADERS: readonly string[] = ['Authorization', 'Content-Type', 'DPoP'];

/** Token and registration answers must not be cached (RFC 6749 §5.1, RFC 7591 §3.2.1). */
export const NO_STORE: HeaderList = [['Cache-Control', 'no-store']];

export const jsonResponse = (status: number, body: unknown, headers: HeaderList = []): SandboxResponse => ({
  status,
  headers: [['Content-Type', 'application/json'], ...headers],
  body: JSON.stringify(body),
});

type Responses = PathItem['get'] extends infer O ? (O extends { responses: infer R } ? R : never) : never;

/** The OpenAPI path item of a GET route tagged OAuth. */
export const oauthGetDoc = (operationId: string, summary: string, description: string, responses: Responses): PathItem => ({
  get: { operationId, summary, description, tags: ['OAuth'], responses },
});
