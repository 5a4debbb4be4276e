import { DEFAULT_TOKEN_LIFETIME_SECONDS } from '../engine/token-endpoint';
import { EXCHANGE_MODES, exchangeInputSchema } from '../exchange/input';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { SANDBOX_PREFIX, TOKEN_PATH } from '../routes/paths';
import { allPresets, labUsers } from '../scenario/presets';
import { jsonSchema, ref, SCHEME_NAMES, text } from './refs';
import type { JsonSchema } from './types';

// The document's shared components: the bodies the routes refer to by name, and the security schemes.

const headerList: JsonSchema = {
  type: 'array',
  description: 'Header fields in order, repeats kept: [name, value] pairs.',
  items: { type: 'array', prefixItems: [text, text], items: false, minItems: 2, maxItems: 2 },
};
const message = (extra: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  required: ['headers', 'body', 'raw', ...Object.keys(extra)],
  properties: { ...extra, headers: headerList, body: text, raw: { type: 'string', description: 'The message as it would look on the wire.' } },
});

/** Sets the description of the property at `path` (zod's JSON Schema has none). */
function describe(schema: JsonSchema, path: string[], description: string): void {
  const target = path.reduce<JsonSchema | undefined>((node, key) => (node?.properties as Record<string, JsonSchema> | undefined)?.[key], schema);
  if (!target) throw new Error(`No property ${path.join('.')} to describe`);
  target.description = description;
}

function exchangeRequestSchema(): JsonSchema {
  const schema = jsonSchema(exchangeInputSchema);
  describe(schema, ['request'], 'The first request the client sends.');
  describe(schema, ['request', 'method'], 'An upper-case method such as GET.');
  describe(schema, ['request', 'target'], `Path and query, under ${SANDBOX_PREFIX}/ (the same URLs as the real endpoints).`);
  describe(schema, ['request', 'headers'], 'Header fields as [name, value] pairs, repeats kept.');
  describe(schema, ['request', 'body'], 'The request body as text.');
  describe(
    schema,
    ['mode'],
    'manual: one request, one response. auto: a simulated client answers each challenge. oauth: the client follows the 401’s resource_metadata to a token and retries (try /api/sandbox/oauth/whoami).',
  );
  describe(schema, ['client'], "What the simulated client holds in auto mode; defaults to the preset's.");
  describe(
    schema,
    ['client', 'origin'],
    'For the origin: { kind: none }, a password { kind: password, user, password, charset }, or a token { kind: token, token: valid | expired | forged | garbage, subject, scope }.',
  );
  describe(schema, ['client', 'proxy'], 'For the proxy, in the same forms.');
  describe(schema, ['client', 'staleNonceFirst'], 'Answer Digest first with an old nonce, to see stale=true.');
  describe(
    schema,
    ['client', 'connections'],
    'keep-alive: every request on one connection (the default); new-per-request: a new connection for each, which breaks NTLM and Negotiate, whose handshake is bound to one.',
  );
  describe(
    schema,
    ['signIn'],
    'oauth mode: the user name, password and decision (allow or deny) typed on the consent page; alice, wonderland, allow by default.',
  );
  return { ...schema, description: 'A request to one sandbox URL, manual or auto mode, and optionally what the simulated client holds.' };
}

export function schemas(): Record<string, JsonSchema> {
  return {
    Problem: {
      type: 'object',
      description: `RFC 9457 problem details (${PROBLEM_CONTENT_TYPE}); extension members may follow.`,
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: { type: 'string', format: 'uri-reference', default: 'about:blank' },
        title: { type: 'string', description: 'The reason phrase of the status.' },
        status: { type: 'integer', description: 'Always the status code actually sent (RFC 9457 §3.1.2).' },
        detail: { type: 'string', description: 'What went wrong, in words for a learner.' },
        instance: { type: 'string', format: 'uri-reference' },
      },
      additionalProperties: true,
    },
    TokenError: {
      allOf: [
        ref('Problem'),
        {
          type: 'object',
          required: ['error', 'error_description'],
          properties: {
            error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope'] },
            error_description: text,
          },
          description: 'RFC 6749 §5.2 error members, as problem details extension members.',
        },
      ],
    },
    Granted: {
      type: 'object',
      required: ['authenticated', 'user', 'scheme', 'realm', 'method', 'message'],
      properties: {
        authenticated: { const: true },
        user: text,
        scheme: { type: 'string', enum: Object.values(SCHEME_NAMES) },
        realm: text,
        scope: { type: 'string', description: "Bearer only: the token's scopes." },
        method: text,
        message: text,
      },
    },
    TokenRequest: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { const: 'client_credentials', description: 'The grant: client credentials (RFC 6749 §4.4.2).' },
        scope: { type: 'string', description: 'Up to 8 space-separated scope tokens (RFC 6749 §3.3); the Bearer scenario needs read.' },
        expires_in: {
          type: 'integer',
          minimum: 1,
          maximum: 86_400,
          default: DEFAULT_TOKEN_LIFETIME_SECONDS,
          description: 'A lab extension, not in RFC 6749: the token lifetime in seconds, so you can watch a token expire.',
        },
        client_id: { type: 'string', description: 'With client_secret, client authentication in the body instead of Basic.' },
        client_secret: { type: 'string', description: 'The client secret that goes with client_id.' },
      },
    },
    TokenResponse: {
      type: 'object',
      required: ['access_token', 'token_type', 'expires_in', 'scope'],
      properties: {
        access_token: { type: 'string', description: 'The token: send it as Authorization: Bearer <token>.' },
        token_type: { const: 'Bearer' },
        expires_in: { type: 'integer', description: 'Seconds until the token expires.' },
        scope: { type: 'string', description: 'The scopes granted, space-separated.' },
      },
    },
    PresetList: {
      type: 'object',
      required: ['presets'],
      properties: {
        presets: {
          type: 'array',
          items: { type: 'object', required: ['id', 'title', 'summary', 'url'], properties: { id: text, title: text, summary: text, url: text } },
        },
      },
    },
    ExchangeRequest: exchangeRequestSchema(),
    Transcript: {
      type: 'object',
      required: ['mode', 'steps'],
      properties: {
        mode: { type: 'string', enum: [...EXCHANGE_MODES] },
        preset: { type: 'object', properties: { id: text, title: text, summary: text } },
        steps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['request', 'response', 'respondedBy', 'trace', 'next'],
            properties: {
              request: message({ method: text, target: text }),
              forwarded: message({ method: text, target: text }),
              response: message({ status: { type: 'integer' } }),
              respondedBy: { type: 'string', enum: ['proxy', 'origin'] },
              connection: {
                type: 'object',
                description:
                  'manual and auto modes: the simulated connection the request went on, numbered from 1, and whether the client opened it for this request. NTLM and Negotiate authenticate a connection.',
                required: ['id', 'opened'],
                properties: { id: { type: 'integer', minimum: 1 }, opened: { type: 'boolean' } },
              },
              trace: { type: 'array', items: { type: 'object', required: ['kind', 'text'], properties: { kind: text, text }, additionalProperties: true } },
              chain: {
                type: 'object',
                description: 'oauth mode: who sent the request (the client, or the browser on the consent page) and who answered.',
                required: ['sender', 'receiver', 'title', 'label'],
                properties: {
                  sender: { type: 'string', enum: ['client', 'browser'] },
                  receiver: { type: 'string', enum: ['resource-server', 'authorization-server'] },
                  title: text,
                  label: text,
                },
              },
              next: {
                type: 'object',
                required: ['kind', 'explanation'],
                properties: { kind: { type: 'string', enum: ['retry', 'follow', 'stop'] }, explanation: text },
              },
            },
          },
        },
      },
    },
  };
}

export function securitySchemes(): Record<string, JsonSchema> {
  const users = labUsers()
    .map((user) => `${user.name}:${user.password}`)
    .join(', ');
  const proxies = [
    ...new Map(allPresets().flatMap((preset) => (preset.scenario.proxy ? [[preset.scenario.proxy.realm, preset.scenario.proxy] as const] : []))).values(),
  ];
  const proxyText = proxies
    .map(
      (layer) =>
        `realm "${layer.realm}" takes ${layer.schemes.map((scheme) => SCHEME_NAMES[scheme.kind]).join(', ')} from ${layer.users.map((user) => user.name).join(', ')}`,
    )
    .join('; ');
  return {
    basic: { type: 'http', scheme: 'basic', description: `RFC 7617: base64 of user:password, as UTF-8. Lab users: ${users}.` },
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: `RFC 6750: a token from POST ${TOKEN_PATH}. The scopes listed are the ones the token must carry.`,
    },
    digest: { type: 'http', scheme: 'digest', description: 'RFC 7616: answer the challenge with a hash; the password never crosses the wire.' },
    ntlm: {
      type: 'http',
      scheme: 'ntlm',
      description: `Microsoft's MS-NLMP (not in IANA's registry): three legs on one HTTP/1.1 connection, NTLM v2 only. The connection stays authenticated. Lab users: ${users}.`,
    },
    negotiate: {
      type: 'http',
      scheme: 'negotiate',
      description:
        'RFC 4559: SPNEGO (RFC 4178) or raw NTLM, on one HTTP/1.1 connection. The lab has no KDC, so it speaks NTLM inside Negotiate; a Kerberos token is explained.',
    },
    proxyAuthorization: {
      type: 'apiKey',
      in: 'header',
      name: 'Proxy-Authorization',
      description: `Credentials for the simulated proxy hop (RFC 9110 §11.7.2), e.g. Basic credentials; the proxy consumes the field before the origin sees the request. OpenAPI has no proxy scheme type, so this names the header. Here the proxy ${proxyText}.`,
    },
  };
}
