// Dynamic client registration (RFC 7591), stateless: the client id is the registration itself, signed
// (signed-artifact.ts), and a confidential client's secret is an HMAC of its id, so no instance keeps a
// list. The lab registers anyone (RFC 7591 §3 allows an open endpoint) and checks what matters: the
// redirect URIs, exactly (RFC 7591 §5, RFC 9700 §2.1). It never fetches a URL a client names, so a client
// id that is a URL (an OAuth Client ID Metadata Document, which newer MCP revisions prefer) is refused.
import { base64url } from 'jose';
import { z } from 'zod';
import type { OAuthError, RegistrationErrorCode } from '@/lib/oauth/oauth-error';
import { redirectUriProblem, type RedirectUriProblem } from '@/lib/oauth/redirect-uri';
import { openArtifact, sealArtifact } from './signed-artifact';

export const TOKEN_AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];

const printable = z
  .string()
  .max(200)
  .regex(/^[^\x00-\x1f\x7f]*$/, 'must not contain control characters');

/** RFC 7591 §2's members the lab uses; every other member is ignored, as §2 requires. */
const registrationRequestSchema = z.looseObject({
  redirect_uris: z.array(z.string().max(2000)).min(1, 'at least one redirect URI is needed for the authorization code flow').max(10),
  client_name: z.optional(printable),
  grant_types: z.optional(z.array(z.string().max(100)).max(10)),
  response_types: z.optional(z.array(z.string().max(100)).max(10)),
  token_endpoint_auth_method: z.optional(z.string().max(100)),
  scope: z.optional(printable),
});

export type RegisteredClient = {
  clientId: string;
  redirectUris: string[];
  clientName?: string;
  grantTypes: string[];
  tokenEndpointAuthMethod: TokenAuthMethod;
};

export type Registration =
  { kind: 'registered'; status: 201; body: Record<string, unknown> } | { kind: 'refused'; status: 400; error: OAuthError<RegistrationErrorCode> };

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

function describeRedirectProblem(uri: string, problem: RedirectUriProblem): string {
  switch (problem.kind) {
    case 'not-absolute':
      return `${uri} is not an absolute URI (RFC 6749 §3.1.2).`;
    case 'fragment':
      return `${uri} has a fragment, which a redirect URI must not (RFC 6749 §3.1.2).`;
    case 'insecure-http':
      return `${uri} uses http to ${problem.host}: plain http is allowed only to this machine (127.0.0.1, [::1], localhost; RFC 8252 §7.3). Use https.`;
    case 'credentials':
      return `${uri} carries a user name or password.`;
    case 'scheme':
      return `${uri}: the scheme ${problem.scheme} is neither https nor a private-use scheme in reverse-domain form such as com.example.app (RFC 8252 §7.1).`;
    default: {
      const never: never = problem;
      return never;
    }
  }
}

const refused = (error: RegistrationErrorCode, description: string): Registration => ({ kind: 'refused', status: 400, error: { error, description } });

/** A confidential client's secret: the HMAC of its id, so the token endpoint can recompute it (no store). */
export async function clientSecretFor(clientId: string, secret: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`client-secret\0${clientId}`));
  return base64url.encode(new Uint8Array(mac));
}

/** RFC 7591 §3.1 and §3.2: a registration request's JSON body, answered 201 or 400. */
export async function registerClient(body: unknown, options: { secret: Uint8Array; now: number }): Promise<Registration> {
  if (typeof body === 'object' && body !== null && 'client_id' in body) {
    return refused(
      'invalid_client_metadata',
      'A client does not choose its client_id here: this server issues one. It never fetches a client id URL (a Client ID Metadata Document), so as not to make requests a client names.',
    );
  }
  const parsed = registrationRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    const code: RegistrationErrorCode = issue?.path[0] === 'redirect_uris' ? 'invalid_redirect_uri' : 'invalid_client_metadata';
    return refused(code, `${where}: ${issue?.message ?? 'not a registration request'} (RFC 7591 §2).`);
  }
  const request = parsed.data;
  for (const uri of request.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) return refused('invalid_redirect_uri', describeRedirectProblem(uri, problem));
  }
  const grantTypes = request.grant_types ?? ['authorization_code'];
  const unknownGrant = grantTypes.find((grant) => !GRANT_TYPES.includes(grant));
  if (unknownGrant !== undefined)
    return refused('invalid_client_metadata', `grant_types: this server offers authorization_code and refresh_token, not ${unknownGrant}.`);
  const responseTypes = request.response_types ?? ['code'];
  if (responseTypes.some((type) => type !== 'code'))
    return refused('invalid_client_metadata', 'response_types: this server offers only "code" (the implicit flow is gone, RFC 9700 §2.1.2).');
  const method = request.token_endpoint_auth_method ?? 'none';
  if (!(TOKEN_AUTH_METHODS as readonly string[]).includes(method)) {
    return refused(
      'invalid_client_metadata',
      `token_endpoint_auth_method: this server offers none (a public client with PKCE), client_secret_basic and client_secret_post, not ${method}.`,
    );
  }
  const issuedAt = Math.floor(options.now / 1000);
  const clientName = request.client_name;
  const clientId = await sealArtifact(
    'client',
    { redirect_uris: request.redirect_uris, grant_types: grantTypes, token_endpoint_auth_method: method, ...(clientName ? { client_name: clientName } : {}) },
    options,
  );
  const confidential = method !== 'none';
  return {
    kind: 'registered',
    status: 201,
    body: {
      client_id: clientId,
      client_id_issued_at: issuedAt,
      ...(confidential ? { client_secret: await clientSecretFor(clientId, options.secret), client_secret_expires_at: 0 } : {}),
      redirect_uris: request.redirect_uris,
      grant_types: grantTypes,
      response_types: ['code'],
      token_endpoint_auth_method: method,
      ...(clientName ? { client_name: clientName } : {}),
    },
  };
}

/** The registered client a client_id names, or undefined when this server did not issue it. */
export async function registeredClient(clientId: string, options: { secret: Uint8Array; now: number }): Promise<RegisteredClient | undefined> {
  const opened = await openArtifact('client', clientId, options);
  if (opened.kind !== 'ok') return undefined;
  const claims = z
    .object({
      redirect_uris: z.array(z.string()),
      grant_types: z.array(z.string()),
      token_endpoint_auth_method: z.enum(TOKEN_AUTH_METHODS),
      client_name: z.optional(z.string()),
    })
    .safeParse(opened.claims);
  if (!claims.success) return undefined;
  return {
    clientId,
    redirectUris: claims.data.redirect_uris,
    grantTypes: claims.data.grant_types,
    tokenEndpointAuthMethod: claims.data.token_endpoint_auth_method,
    ...(claims.data.client_name ? { clientName: claims.data.client_name } : {}),
  };
}
