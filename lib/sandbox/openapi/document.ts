import { z } from 'zod';
import { challengeHeaders } from '../engine/challenges';
import type { SandboxContext } from '../context';
import { CORS_HEADERS, preflightResponse } from '../cors';
import { exchangeInputSchema } from '../exchange/input';
import { EXCHANGE_PATH } from '../http/dispatch';
import { MAX_BODY_BYTES } from '../http/limits';
import { OVERRIDE_PARAMETERS } from '../scenario/overrides';
import { findPreset, allPresets } from '../scenario/presets';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { allowedMethods, resolveScenario, SANDBOX_PREFIX } from '../routes/router';
import { basicSchemeSchema, bearerSchemeSchema, digestSchemeSchema, layerSchema, realmSchema, userSchema, type Layer, type Scenario, type SchemeKind } from '../scenario/scenario';
import { DEFAULT_TOKEN_LIFETIME_SECONDS } from '../engine/token-endpoint';

// The sandbox's HTTP API as an OpenAPI 3.1 document, generated from the code's own data (presets,
// query overrides, the router's short URLs, the zod schemas) so it cannot drift from what the server
// does. The /api page renders the same document for people. Tests hold both to the router.

export type JsonSchema = { [keyword: string]: unknown };
type Ref = { $ref: string };
export type HeaderObject = { description: string; required?: boolean; schema: JsonSchema; examples?: Record<string, { summary: string; value: string }> };
type MediaType = { schema: JsonSchema | Ref; example?: unknown };
export type ResponseObject = { description: string; headers?: Record<string, HeaderObject>; content?: Record<string, MediaType> };
export type ParameterObject = { name: string; in: 'query' | 'path'; description: string; required: boolean; schema: JsonSchema; style?: 'form'; explode?: boolean; example?: unknown };
export type SecurityRequirement = Record<string, string[]>;
export type OperationObject = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: { required: true; description: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  security?: SecurityRequirement[];
};
/** Parameters on the path item apply to each of its operations (the preflight too). */
export type PathItem = { parameters?: ParameterObject[]; get?: OperationObject; post?: OperationObject; options?: OperationObject };
export type OpenApiDocument = {
  openapi: '3.1.1';
  info: { title: string; version: string; summary: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

/** The router's short URLs (its endpoint table); each resolves through the router itself to its preset. */
export const SHORT_ENDPOINTS = ['basic', 'digest', 'bearer', 'proxy'] as const;
const SCHEME_NAMES: Record<SchemeKind, string> = { basic: 'Basic', bearer: 'Bearer', digest: 'Digest' };
const ref = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
const problem = (name = 'Problem') => ({ [PROBLEM_CONTENT_TYPE]: { schema: ref(name) } });
const json = (name: string, example?: unknown) => ({ 'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) } });
const text: JsonSchema = { type: 'string' };

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema keyword. */
function jsonSchema(schema: z.core.$ZodType): JsonSchema {
  const converted: JsonSchema = { ...z.toJSONSchema(schema, { io: 'input' }) };
  delete converted.$schema;
  return converted;
}

/** The lab's users (the Basic preset's): the only credentials anyone should send here. */
export function labUsers(): { name: string; password: string; roles: string[] }[] {
  return (findPreset('basic')?.scenario.origin.users ?? []).map(({ name, password, roles }) => ({ name, password, roles }));
}

// ---- Query overrides ------------------------------------------------------------------------------

type OverrideName = (typeof OVERRIDE_PARAMETERS)[number];
/** What an override changes: the origin, one of its schemes, or the proxy in front of it. */
export type OverrideTarget = 'origin' | SchemeKind | 'proxy';
type OverrideDoc = { targets: OverrideTarget[]; description: string; schema: JsonSchema; example: unknown };

/** Typed over OVERRIDE_PARAMETERS: a new override does not compile until it is documented here. */
export const OVERRIDE_DOCS: Record<OverrideName, OverrideDoc> = {
  realm: { targets: ['origin'], description: 'The realm the origin names in its challenges (printable ASCII).', schema: jsonSchema(realmSchema), example: 'staff' },
  user: { targets: ['origin'], description: 'A user name the origin accepts, added first (with password, or the existing password).', schema: jsonSchema(userSchema.shape.name), example: 'carol' },
  password: { targets: ['origin'], description: 'The password of that user (or of the first user when user is absent).', schema: jsonSchema(userSchema.shape.password), example: 'looking-glass' },
  role: { targets: ['origin'], description: 'A role an authenticated user must hold: alice is a reader, bob a reader and an editor. Without it: 403, or 404 with status=404.', schema: jsonSchema(layerSchema.shape.requiredRole), example: 'editor' },
  status: { targets: ['origin'], description: 'How an authenticated user who is not permitted is refused: 403, or 404 to hide that the resource exists (RFC 9110 §15.5.4).', schema: jsonSchema(layerSchema.shape.forbiddenStatus), example: 404 },
  charset: { targets: ['basic', 'digest'], description: 'Whether the challenge says charset="UTF-8" (RFC 7617 §2.1, RFC 7616 §3.3): UTF-8, or none to leave it out.', schema: jsonSchema(basicSchemeSchema.shape.charset), example: 'none' },
  algorithm: { targets: ['digest'], description: 'Digest algorithms, one challenge each, preferred first (RFC 7616 §3.7), comma-separated.', schema: jsonSchema(digestSchemeSchema.shape.algorithms), example: ['SHA-256'] },
  qop: { targets: ['digest'], description: 'Quality of protection offered: auth, auth-int (the body is hashed too), or both, comma-separated.', schema: jsonSchema(digestSchemeSchema.shape.qop), example: ['auth-int'] },
  userhash: { targets: ['digest'], description: 'Ask the client to send a hash of the user name instead of the name (RFC 7616 §3.4.4).', schema: jsonSchema(digestSchemeSchema.shape.userhash), example: true },
  scope: { targets: ['bearer'], description: 'Scopes a token must carry, comma- or space-separated; a token without one gets 403 insufficient_scope (RFC 6750 §3.1). Empty: any valid token.', schema: jsonSchema(bearerSchemeSchema.shape.requiredScope), example: ['read', 'write'] },
  layout: { targets: ['origin'], description: 'Several challenges on one field line, or one field line each (RFC 9110 §11.6.1).', schema: jsonSchema(layerSchema.shape.challengeLayout), example: 'one-line' },
  nonce_lifetime: { targets: ['digest'], description: 'Seconds a Digest nonce stays fresh; a correct answer with an older one gets 401 with stale=true (RFC 7616 §3.3).', schema: jsonSchema(digestSchemeSchema.shape.nonceLifetimeSeconds), example: 10 },
  token_lifetime: { targets: ['bearer'], description: 'Lifetime in seconds of the tokens the playground\'s auto client is issued for this scenario. A token carries its own expiry; at POST /api/sandbox/token choose it with expires_in.', schema: jsonSchema(bearerSchemeSchema.shape.tokenLifetimeSeconds), example: 60 },
  schemes: { targets: ['origin'], description: 'Which schemes the origin offers, in order, comma-separated; each keeps the scenario\'s settings where it had them.', schema: { type: 'array', items: { type: 'string', enum: Object.keys(SCHEME_NAMES) }, minItems: 1, maxItems: 3 }, example: ['digest', 'basic'] },
  proxy: { targets: ['origin'], description: 'none removes the proxy hop; basic or digest puts a proxy in front (realm corp-proxy, user alice unless the scenario has its own).', schema: { type: 'string', enum: ['none', 'basic', 'digest'] }, example: 'basic' },
  proxy_realm: { targets: ['proxy'], description: 'The realm the proxy names in Proxy-Authenticate.', schema: jsonSchema(realmSchema), example: 'gateway' },
  proxy_user: { targets: ['proxy'], description: 'A user name the proxy accepts.', schema: jsonSchema(userSchema.shape.name), example: 'bob' },
  proxy_password: { targets: ['proxy'], description: 'The password of that proxy user.', schema: jsonSchema(userSchema.shape.password), example: 'builder' },
};

function applies(target: OverrideTarget, scenario: Scenario): boolean {
  if (target === 'origin') return true;
  if (target === 'proxy') return scenario.proxy !== undefined;
  return scenario.origin.schemes.some((scheme) => scheme.kind === target);
}

export type OverrideReach = { target: OverrideTarget; defaultPaths: string[]; elsewhere?: string };

/** Where an override acts without help, and what makes it act elsewhere (schemes=, proxy=). */
export function overrideReach(name: OverrideName): OverrideReach[] {
  return OVERRIDE_DOCS[name].targets.map((target) => {
    const defaultPaths = SHORT_ENDPOINTS.filter((endpoint) => {
      const lookup = resolveScenario(`${SANDBOX_PREFIX}/${endpoint}`);
      return lookup.kind === 'scenario' && applies(target, lookup.scenario);
    }).map((endpoint) => `${SANDBOX_PREFIX}/${endpoint}`);
    const elsewhere = target === 'origin' ? undefined : target === 'proxy' ? 'proxy=basic' : `schemes=${target}`;
    return { target, defaultPaths, ...(elsewhere ? { elsewhere } : {}) };
  });
}

/** "Acts on every scenario." or "Acts where the origin offers Digest: /api/sandbox/digest …; elsewhere add schemes=digest." */
export function reachText(reach: OverrideReach): string {
  if (reach.target === 'origin') return 'Acts on every scenario.';
  const where = reach.target === 'proxy' ? 'there is a proxy' : `the origin offers ${SCHEME_NAMES[reach.target]}`;
  return `Acts where ${where}: ${reach.defaultPaths.join(', ')} and the presets like ${reach.defaultPaths.length > 1 ? 'them' : 'it'}; elsewhere add ${reach.elsewhere}.`;
}

/** Every scenario URL takes every override: schemes= and proxy= can bring in any scheme or a proxy. */
function overrideParameters(): ParameterObject[] {
  return OVERRIDE_PARAMETERS.map((name) => {
    const { description, schema, example } = OVERRIDE_DOCS[name];
    const reach = overrideReach(name).map(reachText).join(' ');
    // style=form, explode=false is exactly "algorithm=SHA-256,MD5".
    const list = schema.type === 'array' ? { style: 'form' as const, explode: false } : {};
    return { name, in: 'query', description: `${description} ${reach}`, required: false, schema, ...list, example };
  });
}

// ---- Scenario endpoints ---------------------------------------------------------------------------

/** Fixed clock, key and randomness: example challenges (and so the document) are the same every time. */
const EXAMPLE_CTX: SandboxContext = { now: () => Date.UTC(2026, 0, 1), secret: new Uint8Array(32), random: (n) => new Uint8Array(n), nonceCounts: new Map() };

function challengeHeader(field: string, description: string, layer?: Layer): Record<string, HeaderObject> {
  const lines = layer ? challengeHeaders(field === 'Proxy-Authenticate' ? 'proxy' : 'origin', layer, { kind: 'none' }, EXAMPLE_CTX).map(([, value]) => value) : [];
  const examples = Object.fromEntries(lines.map((value, i) => [`line${i + 1}`, { summary: `Field line ${i + 1} of ${lines.length}`, value }]));
  return { [field]: { description, required: true, schema: text, ...(lines.length > 0 ? { examples } : {}) } };
}

/** Every scenario can answer every status: schemes= and proxy= bring in any scheme or a proxy hop. */
function scenarioResponses(scenarios: readonly Scenario[], byId: boolean): Record<string, ResponseObject> {
  const one = scenarios.length === 1 ? scenarios[0] : undefined;
  const offered = one ? ` Here: ${one.origin.schemes.map((scheme) => SCHEME_NAMES[scheme.kind]).join(', ')} (schemes= changes that).` : '';
  const proxied = one?.proxy ? ' This scenario has a proxy.' : ' Only with a proxy: in the proxy scenarios, or with proxy=basic or proxy=digest.';
  const bearerError = (error: string): Record<string, HeaderObject> => ({ 'WWW-Authenticate': { description: `Bearer only: a challenge with error="${error}" (RFC 6750 §3.1).`, schema: text } });
  return {
    '200': {
      description: 'The credentials were accepted (for Bearer, the token carries every required scope): a JSON greeting names the user. Cache-Control: private, no-store.',
      headers: { 'Authentication-Info': { description: 'After Digest: rspauth proves the server knows the password too (RFC 7616 §3.5).', schema: text } },
      content: json('Granted'),
    },
    '400': {
      description: 'Bad request: a credentials field that does not parse, more than one of them, a query parameter the scenario cannot take, or a Bearer token in the query instead of Authorization (RFC 6750 §2.1).',
      headers: bearerError('invalid_request'),
      content: problem(),
    },
    '401': {
      description: `No credentials, or the origin refused them: WWW-Authenticate carries a fresh challenge to answer (RFC 9110 §15.5.2).${offered}`,
      headers: challengeHeader('WWW-Authenticate', 'One challenge per scheme (and per Digest algorithm), each on its own field line unless layout=one-line.', one?.origin),
      content: problem(),
    },
    '403': {
      description: 'Authenticated but not permitted: the user lacks the role the resource needs, or a Bearer token lacks a required scope. The same credentials will not help; others may (RFC 9110 §15.5.4).',
      headers: bearerError('insufficient_scope'),
      content: problem(),
    },
    '404': {
      description: `The same refusal as 403, answered "not found" to hide the resource (status=404, RFC 9110 §15.5.4)${byId ? ', or there is no preset with this id' : ''}.`,
      content: problem(),
    },
    '407': {
      description: `The proxy asks first: answer Proxy-Authenticate with Proxy-Authorization (RFC 9110 §15.5.8); the origin's 401 can only come once the proxy lets you through.${proxied}`,
      headers: challengeHeader('Proxy-Authenticate', 'The proxy\'s challenge.', one?.proxy),
      content: problem(),
    },
  };
}

function scenarioSecurity(scenarios: readonly Scenario[]): SecurityRequirement[] {
  const requirements = new Map<string, SecurityRequirement>();
  for (const scenario of scenarios) {
    for (const scheme of scenario.origin.schemes) {
      const requirement: SecurityRequirement = { [scheme.kind]: scheme.kind === 'bearer' ? scheme.requiredScope : [] };
      if (scenario.proxy) requirement.proxyAuthorization = [];
      requirements.set(JSON.stringify(requirement), requirement);
    }
  }
  return [...requirements.values()];
}

function shortEndpoint(name: (typeof SHORT_ENDPOINTS)[number]): [string, PathItem] {
  const path = `${SANDBOX_PREFIX}/${name}`;
  const lookup = resolveScenario(path);
  if (lookup.kind !== 'scenario') throw new Error(`The router does not serve ${path}`);
  const { preset, scenario } = lookup;
  const operation: OperationObject = {
    operationId: `get${name.charAt(0).toUpperCase()}${name.slice(1)}`,
    summary: preset.title,
    description: `${preset.summary} The same scenario as ${SANDBOX_PREFIX}/presets/${preset.id}. Every method is evaluated alike; the query parameters below change the scenario.`,
    tags: ['Scenarios'],
    parameters: overrideParameters(),
    responses: scenarioResponses([scenario], false),
    security: scenarioSecurity([scenario]),
  };
  return [path, { get: operation }];
}

function presetById(): PathItem {
  const scenarios = allPresets().map((preset) => preset.scenario);
  const list = allPresets().map((preset) => `- \`${preset.id}\`: **${preset.title}**. ${preset.summary}`).join('\n');
  return {
    parameters: [
      { name: 'id', in: 'path', required: true, description: `The preset id (GET ${SANDBOX_PREFIX}/presets lists them).`, schema: { type: 'string', enum: allPresets().map((preset) => preset.id) }, example: 'forbidden-by-role' },
    ],
    get: {
      operationId: 'getPreset',
      summary: 'Any preset by id',
      description: `Every scenario the lessons and the playground use, by id, with the same query parameters. Every method is evaluated alike.\n\n${list}`,
      tags: ['Scenarios'],
      parameters: overrideParameters(),
      responses: scenarioResponses(scenarios, true),
      security: scenarioSecurity(scenarios),
    },
  };
}

// ---- Tokens, discovery, the playground's door, CORS ----------------------------------------------

function tokenEndpoint(): PathItem {
  const clients = labUsers().map((user) => `${user.name}:${user.password}`).join(' or ');
  return {
    post: {
      operationId: 'issueToken',
      summary: 'Get a Bearer token',
      description: `An OAuth 2.0 client-credentials grant (RFC 6749 §4.4). Authenticate the client with Basic (${clients}), or send client_id and client_secret in the body (RFC 6749 §2.3.1 allows it but does not recommend it). The token is a signed JWT for the Bearer scenarios.`,
      tags: ['Tokens'],
      security: [{ basic: [] }, {}],
      requestBody: { required: true, description: 'A form body (RFC 6749 §4.4.2).', content: { 'application/x-www-form-urlencoded': { schema: ref('TokenRequest'), example: { grant_type: 'client_credentials', scope: 'read' } } } },
      responses: {
        '200': { description: 'A token (RFC 6749 §5.1), never cached: Cache-Control: no-store.', content: json('TokenResponse') },
        '400': { description: 'invalid_request (no grant_type, not a form body, two client authentications, a bad expires_in), unsupported_grant_type or invalid_scope (RFC 6749 §5.2).', content: problem('TokenError') },
        '401': { description: 'invalid_client: no client authentication, an unknown client or a wrong secret (RFC 6749 §5.2).', headers: { 'WWW-Authenticate': { description: 'A Basic challenge for the client.', required: true, schema: text } }, content: problem('TokenError') },
        '405': { description: 'Any method but POST; Allow says POST, OPTIONS.', content: problem() },
        '413': { description: `A body larger than ${MAX_BODY_BYTES} bytes.`, content: problem() },
      },
    },
  };
}

function presetList(): PathItem {
  const presets = allPresets().map((preset) => ({ id: preset.id, title: preset.title, summary: preset.summary, url: `${SANDBOX_PREFIX}/presets/${preset.id}` }));
  return {
    get: {
      operationId: 'listPresets',
      summary: 'List the presets',
      description: 'Every preset: its id, title, a summary of what it teaches, and its URL.',
      tags: ['Discovery'],
      security: [],
      responses: { '200': { description: 'The presets, in course order.', content: json('PresetList', { presets }) } },
    },
  };
}

function openApiEndpoint(): PathItem {
  return {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      description: 'This OpenAPI 3.1 document, generated from the sandbox\'s own presets, query parameters and endpoint table, so it always says what the server does. Import it into Postman, Insomnia or any OpenAPI tool.',
      tags: ['Discovery'],
      security: [],
      responses: { '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: text, info: { type: 'object' }, paths: { type: 'object' } } } } } } },
    },
  };
}

function exchangeEndpoint(): PathItem {
  return {
    post: {
      operationId: 'runExchange',
      summary: 'Run a whole exchange',
      description: `The playground's door: post a request description, get the whole conversation back, hop by hop, with a trace of every decision. Targets must be under ${SANDBOX_PREFIX}/ and nothing leaves the server. In auto mode a simulated client answers each challenge with what it holds, as a careful client would.`,
      tags: ['Playground'],
      security: [],
      requestBody: { required: true, description: 'A request description.', content: { 'application/json': { schema: ref('ExchangeRequest'), example: { request: { method: 'GET', target: `${SANDBOX_PREFIX}/basic` }, mode: 'auto' } } } },
      responses: {
        '200': { description: 'The transcript: each request, the response and who sent it, the trace and what the client does next.', content: json('Transcript') },
        '400': { description: 'The body is not JSON, or not a valid request description; the issues member lists each problem.', content: problem() },
        '405': { description: 'Any method but POST.', content: problem() },
        '413': { description: `A body larger than ${MAX_BODY_BYTES} bytes.`, content: problem() },
        '415': { description: 'A body that is not application/json.', content: problem() },
      },
    },
  };
}

/** server.ts's per-client rate limit (SANDBOX_RATE_LIMIT), on every operation but the preflight. */
const RATE_LIMITED: ResponseObject = {
  description: 'Too many requests from this client address (RFC 6585 §4): the production server gives each a token bucket (SANDBOX_RATE_LIMIT). Credentials were not checked; retry the same request after Retry-After.',
  headers: { 'Retry-After': { description: 'Whole seconds until the next request is accepted (RFC 9110 §10.2.3).', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]*$' } } },
  content: problem(),
};

function withRateLimit(item: PathItem): PathItem {
  const limited = (operation: OperationObject | undefined) => operation && { ...operation, responses: { ...operation.responses, '429': RATE_LIMITED } };
  return { ...item, ...(item.get ? { get: limited(item.get) } : {}), ...(item.post ? { post: limited(item.post) } : {}) };
}

function preflight(operationId: string, methods: string): OperationObject {
  const headers = Object.fromEntries(preflightResponse(methods).headers.map(([name, value]): [string, HeaderObject] => [name, { description: `"${value}"`, required: true, schema: { type: 'string', const: value } }]));
  return {
    operationId,
    summary: 'CORS preflight',
    description: 'A browser asks before a cross-origin request with Authorization. A preflight never carries credentials, so it is answered 204, never 401 (WHATWG Fetch).',
    tags: ['CORS'],
    security: [],
    responses: { '204': { description: 'Any origin may call the sandbox, without cookies.', headers } },
  };
}

// ---- Components -----------------------------------------------------------------------------------

const headerList: JsonSchema = { type: 'array', description: 'Header fields in order, repeats kept: [name, value] pairs.', items: { type: 'array', prefixItems: [text, text], items: false, minItems: 2, maxItems: 2 } };
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
  describe(schema, ['mode'], 'manual: one request, one response. auto: a simulated client answers each challenge.');
  describe(schema, ['client'], 'What the simulated client holds in auto mode; defaults to the preset\'s.');
  describe(schema, ['client', 'origin'], 'For the origin: { kind: none }, a password { kind: password, user, password, charset }, or a token { kind: token, token: valid | expired | forged | garbage, subject, scope }.');
  describe(schema, ['client', 'proxy'], 'For the proxy, in the same forms.');
  describe(schema, ['client', 'staleNonceFirst'], 'Answer Digest first with an old nonce, to see stale=true.');
  return { ...schema, description: 'A request to one sandbox URL, manual or auto mode, and optionally what the simulated client holds.' };
}

function schemas(): Record<string, JsonSchema> {
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
      allOf: [ref('Problem'), {
        type: 'object',
        required: ['error', 'error_description'],
        properties: { error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope'] }, error_description: text },
        description: 'RFC 6749 §5.2 error members, as problem details extension members.',
      }],
    },
    Granted: {
      type: 'object',
      required: ['authenticated', 'user', 'scheme', 'realm', 'method', 'message'],
      properties: { authenticated: { const: true }, user: text, scheme: { type: 'string', enum: Object.values(SCHEME_NAMES) }, realm: text, scope: { type: 'string', description: 'Bearer only: the token\'s scopes.' }, method: text, message: text },
    },
    TokenRequest: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { const: 'client_credentials', description: 'The grant: client credentials (RFC 6749 §4.4.2).' },
        scope: { type: 'string', description: 'Up to 8 space-separated scope tokens (RFC 6749 §3.3); the Bearer scenario needs read.' },
        expires_in: { type: 'integer', minimum: 1, maximum: 86_400, default: DEFAULT_TOKEN_LIFETIME_SECONDS, description: 'A lab extension, not in RFC 6749: the token lifetime in seconds, so you can watch a token expire.' },
        client_id: { type: 'string', description: 'With client_secret, client authentication in the body instead of Basic.' },
        client_secret: { type: 'string', description: 'The client secret that goes with client_id.' },
      },
    },
    TokenResponse: {
      type: 'object',
      required: ['access_token', 'token_type', 'expires_in', 'scope'],
      properties: { access_token: { type: 'string', description: 'The token: send it as Authorization: Bearer <token>.' }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer', description: 'Seconds until the token expires.' }, scope: { type: 'string', description: 'The scopes granted, space-separated.' } },
    },
    PresetList: {
      type: 'object',
      required: ['presets'],
      properties: { presets: { type: 'array', items: { type: 'object', required: ['id', 'title', 'summary', 'url'], properties: { id: text, title: text, summary: text, url: text } } } },
    },
    ExchangeRequest: exchangeRequestSchema(),
    Transcript: {
      type: 'object',
      required: ['mode', 'steps'],
      properties: {
        mode: { type: 'string', enum: ['manual', 'auto'] },
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
              trace: { type: 'array', items: { type: 'object', required: ['kind', 'text'], properties: { kind: text, text }, additionalProperties: true } },
              next: { type: 'object', required: ['kind', 'explanation'], properties: { kind: { type: 'string', enum: ['retry', 'stop'] }, explanation: text } },
            },
          },
        },
      },
    },
  };
}

function securitySchemes(): Record<string, JsonSchema> {
  const users = labUsers().map((user) => `${user.name}:${user.password}`).join(', ');
  const proxies = [...new Map(allPresets().flatMap((preset) => (preset.scenario.proxy ? [[preset.scenario.proxy.realm, preset.scenario.proxy] as const] : []))).values()];
  const proxyText = proxies.map((layer) => `realm "${layer.realm}" takes ${layer.schemes.map((scheme) => SCHEME_NAMES[scheme.kind]).join(', ')} from ${layer.users.map((user) => user.name).join(', ')}`).join('; ');
  return {
    basic: { type: 'http', scheme: 'basic', description: `RFC 7617: base64 of user:password, as UTF-8. Lab users: ${users}.` },
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `RFC 6750: a token from POST ${SANDBOX_PREFIX}/token. The scopes listed are the ones the token must carry.` },
    digest: { type: 'http', scheme: 'digest', description: 'RFC 7616: answer the challenge with a hash; the password never crosses the wire.' },
    proxyAuthorization: {
      type: 'apiKey',
      in: 'header',
      name: 'Proxy-Authorization',
      description: `Credentials for the simulated proxy hop (RFC 9110 §11.7.2), e.g. Basic credentials; the proxy consumes the field before the origin sees the request. OpenAPI has no proxy scheme type, so this names the header. Here the proxy ${proxyText}.`,
    },
  };
}

// ---- The document ---------------------------------------------------------------------------------

function infoDescription(): string {
  const users = labUsers().map((user) => `${user.name} / ${user.password} (${user.roles.join(', ')})`).join(' and ');
  const exposed = CORS_HEADERS.map(([name, value]) => `${name}: ${value}`).join('; ');
  return [
    'Real endpoints that answer with genuine 401, 403 and 407 responses (Basic, Digest, Bearer, and a proxy in front of an origin), for curl, scripts, Postman or a browser tab. Every refusal is RFC 9457 problem details.',
    `For learning only: the users are ${users}. Never send real credentials.`,
    'Query parameters change a scenario, so a URL alone sets up an experiment; a value the scenario cannot take is a 400 that says why.',
    `Any origin may call the sandbox (no cookies): ${exposed}.`,
  ].join('\n\n');
}

export function openApiDocument(): OpenApiDocument {
  const sandboxPaths: [string, PathItem][] = [
    ...SHORT_ENDPOINTS.slice(0, 3).map(shortEndpoint),
    [`${SANDBOX_PREFIX}/token`, tokenEndpoint()],
    shortEndpoint('proxy'),
    [`${SANDBOX_PREFIX}/presets`, presetList()],
    [`${SANDBOX_PREFIX}/presets/{id}`, presetById()],
    [`${SANDBOX_PREFIX}/openapi.json`, openApiEndpoint()],
  ];
  // The router answers OPTIONS for every sandbox path alike, naming the methods that path takes.
  const paths = Object.fromEntries(
    sandboxPaths.map(([path, item]) => [
      path,
      { ...withRateLimit(item), options: preflight(`preflight${(item.get ?? item.post)?.operationId.replace(/^./, (c) => c.toUpperCase())}`, allowedMethods(path)) },
    ]),
  );
  return {
    openapi: '3.1.1',
    info: { title: 'HTTP Auth Lab sandbox', version: '1.0.0', summary: 'Configurable 401, 403 and 407 endpoints for learning HTTP authentication.', description: infoDescription() },
    servers: [{ url: '/', description: 'The server that serves this document.' }],
    tags: [
      { name: 'Scenarios', description: 'Protected resources: each answers as its scenario says.' },
      { name: 'Tokens', description: 'Where Bearer tokens come from.' },
      { name: 'Discovery', description: 'What the sandbox offers.' },
      { name: 'Playground', description: 'Whole conversations, as the playground shows them.' },
      { name: 'CORS', description: 'Preflights for browsers on other origins.' },
    ],
    paths: { ...paths, [EXCHANGE_PATH]: withRateLimit(exchangeEndpoint()) },
    components: { schemas: schemas(), securitySchemes: securitySchemes() },
  };
}

let cached: string | undefined;

/** The document as the body of GET /api/sandbox/openapi.json (built once per process). */
export function openApiJson(): string {
  cached ??= JSON.stringify(openApiDocument());
  return cached;
}
