import { contentFor } from '../methods';
import type { PlaygroundState } from '../model';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import { scenarioAtTarget } from '@/lib/sandbox/routes/scenario-routes';
import { TOKEN_PATH } from '@/lib/sandbox/routes/paths';
import { GARBAGE_TOKEN, type HeldSecret } from '@/lib/sandbox/scenario/client-profile';
import { labUsers } from '@/lib/sandbox/scenario/presets';
import type { Layer } from '@/lib/sandbox/scenario/scenario';
import type { SnippetRequest } from './curl';
import { basicToken68 } from './secrets';

// What a snippet must do to have the conversation the playground shows. In manual mode that is the
// request as edited. In auto mode the simulated client (lib/sandbox/exchange/auto-client.ts) also
// answers each challenge with what it holds, choosing the strongest scheme it can answer, so the
// snippet hands the real client the same secret and the same choice of scheme.

export type SnippetPassword = { user: string; password: string; charset: 'UTF-8' | 'ISO-8859-1' };

/** Where a Bearer token comes from: issued by the lab's token endpoint at run time, or a fixed string. */
export type SnippetBearerToken =
  | {
      kind: 'issued';
      tokenUrl: string;
      /** The client the token endpoint authenticates with Basic (RFC 6749 §2.3.1): the token's subject. */
      client: { user: string; password: string };
      scope: string[];
      /** The playground's client first sent an expired token, was refused, and got a new one once. */
      expiredFirst: boolean;
    }
  | { kind: 'fixed'; token: string; what: string };

/** How a client answers one hop's challenge. */
export type SnippetAnswer =
  | { kind: 'none' }
  | { kind: 'basic'; secret: SnippetPassword }
  | { kind: 'digest'; secret: SnippetPassword; authInt: boolean }
  | { kind: 'bearer'; token: SnippetBearerToken }
  /** NTLM, or Negotiate with NTLM inside: three legs on one kept-alive connection (MS-NLMP §3.1.5). */
  | { kind: 'ntlm'; scheme: 'NTLM' | 'Negotiate'; secret: SnippetPassword };

export type SnippetPlan = {
  request: SnippetRequest;
  origin: SnippetAnswer;
  /** The lab as the client's proxy, and how the client answers its 407; absent: no proxy configured. */
  proxy?: { url: string; answer: SnippetAnswer };
  /** Why the snippet leaves out something the playground's client would send, one sentence each. */
  notes: string[];
};

const NONE: SnippetAnswer = { kind: 'none' };

/**
 * oauth mode: each hop of the chain needs what the answer before it said (the metadata's endpoints, the
 * client_id, the code from the browser's redirect), so no one request stands for it; the snippet is the
 * first one, and says so rather than pretend to be the chain.
 */
export const OAUTH_NOTE =
  'OAuth mode: this is only the chain’s first request, the one whose 401 names resource_metadata. Each later hop needs what the answer before it said (endpoints, client_id, the code), so copy them from the Raw HTTP/1.1 of each step in the result.';

/** A plan that sends the request and nothing else: manual mode, and every caller with only a request. */
export const requestOnlyPlan = (request: SnippetRequest): SnippetPlan => ({ request, origin: NONE, notes: [] });

/**
 * A token shaped like the lab's (a JWT: header.payload.signature) whose signature no key of the lab's
 * made, so the lab refuses it with invalid_token as it does the playground's (signed with a random key).
 */
function forgedToken(subject: string, scope: string[]): string {
  const base64url = (text: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(text)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  // exp in 2100: the signature, not the date, is what is wrong.
  const payload = JSON.stringify({ sub: subject, scope: scope.join(' '), exp: 4_102_444_800 });
  return `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(payload)}.${base64url('signed with a key the lab does not have')}`;
}

function tokenFor(secret: Extract<HeldSecret, { kind: 'token' }>, labOrigin: string): SnippetBearerToken | undefined {
  switch (secret.token) {
    case 'valid':
    case 'expired': {
      const client = labUsers().find((user) => user.name === secret.subject);
      if (!client) return undefined;
      const tokenUrl = `${labOrigin}${TOKEN_PATH}`;
      return {
        kind: 'issued',
        tokenUrl,
        client: { user: client.name, password: client.password },
        scope: secret.scope,
        expiredFirst: secret.token === 'expired',
      };
    }
    case 'forged':
      return { kind: 'fixed', token: forgedToken(secret.subject, secret.scope), what: 'a token signed with a key the lab does not have' };
    case 'garbage':
      return { kind: 'fixed', token: GARBAGE_TOKEN, what: 'a string that is not a token at all' };
    default: {
      const never: never = secret.token;
      return never;
    }
  }
}

/**
 * The answer the simulated client gives a hop: the strongest scheme offered that it holds a secret
 * for (chooseChallenge's order: Bearer, then Negotiate, Digest, NTLM, Basic), or none when it cannot answer.
 */
function answerFor(layer: Layer | undefined, secret: HeldSecret, labOrigin: string, notes: string[]): SnippetAnswer {
  if (!layer) return NONE;
  const offered = (kind: string) => layer.schemes.find((scheme) => scheme.kind === kind);
  switch (secret.kind) {
    case 'none':
      return NONE;
    case 'password': {
      const password = { user: secret.user, password: secret.password, charset: secret.charset };
      if (offered('negotiate')) return { kind: 'ntlm', scheme: 'Negotiate', secret: password };
      const digest = offered('digest');
      if (digest?.kind === 'digest') return { kind: 'digest', secret: password, authInt: !digest.qop.includes('auth') };
      if (offered('ntlm')) return { kind: 'ntlm', scheme: 'NTLM', secret: password };
      if (!offered('basic')) return NONE;
      // RFC 7617 §2: a user-id with ":" cannot be sent, nor ISO-8859-1 a character it has no byte for; the simulated client gives up too.
      if (basicToken68(password) !== undefined) return { kind: 'basic', secret: password };
      notes.push('These credentials cannot be encoded for Basic (a ":" in the user-id, or a character ISO-8859-1 lacks), so none are sent.');
      return NONE;
    }
    case 'token': {
      if (!offered('bearer')) return NONE;
      const token = tokenFor(secret, labOrigin);
      if (!token) notes.push(`The lab's token endpoint issues tokens only to its own users, not to "${secret.subject}", so no token is sent.`);
      return token ? { kind: 'bearer', token } : NONE;
    }
    default: {
      const never: never = secret;
      return never;
    }
  }
}

/** A field the reader wrote for a hop is sent as written; the simulated client replaces it only after a refusal. */
function keepWritten(headers: HeaderList, field: string, answer: SnippetAnswer, notes: string[]): SnippetAnswer {
  if (answer.kind === 'none' || headerValues(headers, field).length === 0) return answer;
  notes.push(`The request already has ${field}: the snippet sends it as written, where the playground's client would answer a refusal with its own.`);
  return NONE;
}

/**
 * The plan for a state, against the lab at `labOrigin` (e.g. "https://lab.example"): the same body rule
 * as requestForSend (none for GET, HEAD, TRACE), and in auto mode what the client answers with.
 */
export function snippetPlanFor(state: PlaygroundState, labOrigin: string): SnippetPlan {
  const origin = labOrigin.replace(/\/+$/, '');
  const { method, target, headers, body } = state.request;
  const request: SnippetRequest = { method, url: `${origin}${target}`, headers, body: contentFor(method, body) };
  if (state.mode === 'manual') return requestOnlyPlan(request);
  if (state.mode === 'oauth') return { ...requestOnlyPlan(request), notes: [OAUTH_NOTE] };
  const scenario = scenarioAtTarget(target);
  const notes: string[] = [];
  const originAnswer = keepWritten(headers, 'Authorization', answerFor(scenario?.origin, state.client.origin, origin, notes), notes);
  let proxyAnswer = keepWritten(headers, 'Proxy-Authorization', answerFor(scenario?.proxy, state.client.proxy, origin, notes), notes);
  if (proxyAnswer.kind === 'bearer') {
    // No client here takes a token in its proxy settings (curl's --proxy-user, requests' proxies= are for passwords).
    notes.push('A Bearer token for a proxy has no setting in these clients, so none is sent to the proxy.');
    proxyAnswer = NONE;
  }
  if (state.client.connections === 'new-per-request' && (originAnswer.kind === 'ntlm' || proxyAnswer.kind === 'ntlm')) {
    notes.push(
      "The playground's client opens a new connection for each request, so its NTLM handshake is refused; a real client keeps the connection alive between the legs (curl --ntlm and requests_ntlm do), so those get through.",
    );
  }
  if (proxyAnswer.kind === 'none') return { request, origin: originAnswer, notes };
  // The lab as a proxy answers an absolute-form request itself and never connects to the host it names
  // (lesson 7). An https:// URL would make the client ask it for a CONNECT tunnel instead, which it
  // refuses with 405 (RFC 9110 §9.3.6), so through the proxy the URL is http:// even when the lab is not.
  const throughProxy = { ...request, url: `${origin.replace(/^https:/i, 'http:')}${target}` };
  return { request: throughProxy, origin: originAnswer, proxy: { url: origin, answer: proxyAnswer }, notes };
}

/**
 * The URL for a client that goes to the lab directly even when the plan names the lab as a proxy
 * (fetch and node:http have no proxy setting): the lab's own origin, https included, and the target.
 */
export function directUrl(plan: SnippetPlan): string {
  if (!plan.proxy) return plan.request.url;
  const target = plan.request.url.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return `${plan.proxy.url}${target}`;
}
