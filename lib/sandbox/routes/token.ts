import { tokenEndpoint } from '../engine/token-endpoint';
import { MAX_BODY_BYTES } from '../limits';
import { json, problem, ref, text } from '../openapi/refs';
import type { PathItem } from '../openapi/types';
import { findPreset, labUsers } from '../scenario/presets';
import { TOKEN_PATH } from './paths';
import type { EndpointRoute } from './route';

// POST /api/sandbox/token: where the Bearer scenarios' tokens come from (engine/token-endpoint.ts).

function describe(): PathItem {
  const clients = labUsers()
    .map((user) => `${user.name}:${user.password}`)
    .join(' or ');
  return {
    post: {
      operationId: 'issueToken',
      summary: 'Get a Bearer token',
      description: `An OAuth 2.0 client-credentials grant (RFC 6749 §4.4). Authenticate the client with Basic (${clients}), or send client_id and client_secret in the body (RFC 6749 §2.3.1 allows it but does not recommend it). The token is a signed JWT for the Bearer scenarios.`,
      tags: ['Tokens'],
      security: [{ basic: [] }, {}],
      requestBody: {
        required: true,
        description: 'A form body (RFC 6749 §4.4.2).',
        content: { 'application/x-www-form-urlencoded': { schema: ref('TokenRequest'), example: { grant_type: 'client_credentials', scope: 'read' } } },
      },
      responses: {
        '200': { description: 'A token (RFC 6749 §5.1), never cached: Cache-Control: no-store.', content: json('TokenResponse') },
        '400': {
          description:
            'invalid_request (no grant_type, not a form body, two client authentications, a bad expires_in), unsupported_grant_type or invalid_scope (RFC 6749 §5.2).',
          content: problem('TokenError'),
        },
        '401': {
          description: 'invalid_client: no client authentication, an unknown client or a wrong secret (RFC 6749 §5.2).',
          headers: { 'WWW-Authenticate': { description: 'A Basic challenge for the client.', required: true, schema: text } },
          content: problem('TokenError'),
        },
        '405': { description: 'Any method but POST; Allow says POST, OPTIONS.', content: problem() },
        '413': { description: `A body larger than ${MAX_BODY_BYTES} bytes.`, content: problem() },
      },
    },
  };
}

export const tokenRoute: EndpointRoute = {
  kind: 'endpoint',
  path: TOKEN_PATH,
  methods: ['POST'],
  cors: true,
  wrongMethod: 'The token endpoint takes POST with a form body (RFC 6749 §3.2).',
  // The clients are the Bearer scenario's users.
  handle: (request, { ctx }) => ({ response: tokenEndpoint(request, findPreset('bearer')?.scenario.origin.users ?? [], ctx), trace: [] }),
  describe,
};
