import type { z } from 'zod';
import type { ClientProfile } from '@/lib/sandbox/scenario/client-profile';
import { exchangeInputSchema, type SignIn } from '@/lib/sandbox/exchange/input';
import { withField, withHeaderAt, withHeaderMoved, withoutHeaderAt, type CredentialsField } from './header-fields';
import { contentFor } from './methods';
import { fieldProblem, type FieldProblem } from './field-problems';
import { presetStartState, type PlaygroundState } from './model';
import { withScenarioParam, type ScenarioParameter } from './scenario-query';

// Every edit the playground makes to its state. The reducer accepts what the reader types even when
// it is not yet a valid request (an empty header name while typing): requestForSend is the one gate
// that validates, with the exchange's own schema, so the UI can show why Send is disabled.

export type PlaygroundAction =
  | { type: 'choose-preset'; id: string }
  | { type: 'reset' }
  | { type: 'set-method'; method: string }
  | { type: 'set-target'; target: string }
  | { type: 'set-scenario-param'; name: ScenarioParameter; value: string | null }
  | { type: 'add-header'; name?: string; value?: string }
  | { type: 'update-header'; index: number; name: string; value: string }
  | { type: 'remove-header'; index: number }
  | { type: 'move-header'; index: number; direction: 'up' | 'down' }
  | { type: 'set-credentials'; field: CredentialsField; value: string | null }
  | { type: 'set-body'; body: string }
  | { type: 'set-mode'; mode: PlaygroundState['mode'] }
  | { type: 'set-client'; client: ClientProfile }
  | { type: 'set-sign-in'; signIn: Partial<SignIn> };

/** A fresh copy of a preset's state: preset objects are shared, the reducer's results must not be. */
const presetState = presetStartState;

function withRequest(state: PlaygroundState, request: Partial<PlaygroundState['request']>): PlaygroundState {
  return { ...state, request: { ...state.request, ...request } };
}

export function playgroundReducer(state: PlaygroundState, action: PlaygroundAction): PlaygroundState {
  const { headers } = state.request;
  switch (action.type) {
    case 'choose-preset':
      // An unknown id (a stale link, a typo in a lesson) leaves the state alone rather than blanking it.
      return presetState(action.id) ?? state;
    case 'reset':
      return presetState(state.preset) ?? state;
    case 'set-method':
      // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET, so the text is kept as typed.
      return withRequest(state, { method: action.method });
    case 'set-target':
      return withRequest(state, { target: action.target });
    case 'set-scenario-param':
      return withRequest(state, { target: withScenarioParam(state.request.target, action.name, action.value) });
    case 'add-header':
      return withRequest(state, { headers: [...headers, [action.name ?? '', action.value ?? '']] });
    case 'update-header':
      return withRequest(state, { headers: withHeaderAt(headers, action.index, action.name, action.value) });
    case 'remove-header':
      return withRequest(state, { headers: withoutHeaderAt(headers, action.index) });
    case 'move-header':
      return withRequest(state, { headers: withHeaderMoved(headers, action.index, action.direction) });
    case 'set-credentials':
      return withRequest(state, { headers: withField(headers, action.field, action.value) });
    case 'set-body':
      // Kept even for GET: switching GET -> POST -> GET must not lose what the reader typed.
      return withRequest(state, { body: action.body });
    case 'set-mode':
      return { ...state, mode: action.mode };
    case 'set-client':
      return { ...state, client: action.client };
    case 'set-sign-in':
      return { ...state, signIn: { ...state.signIn, ...action.signIn } };
    default: {
      const never: never = action;
      return never;
    }
  }
}

export type ExchangeRequestInput = z.infer<typeof exchangeInputSchema>;

/** problems: one line each, by schema path; fields: the same, each said beside its control (field-problems.ts). */
export type SendResult = { kind: 'ready'; input: ExchangeRequestInput } | { kind: 'invalid'; problems: string[]; fields: FieldProblem[] };

/** "request.headers.1.0" -> "header 2 name": where the problem is, in the reader's words. */
function describePath(path: PropertyKey[]): string {
  const [, field, index, part] = path;
  if (field === 'headers' && typeof index === 'number') {
    return part === undefined ? `header ${index + 1}` : `header ${index + 1} ${part === 0 ? 'name' : 'value'}`;
  }
  return (path[0] === 'request' ? path.slice(1) : path).map(String).join('.') || 'request';
}

/**
 * What POST /api/exchange receives for this state, validated by the exchange's own schema. The body
 * of a GET, HEAD or TRACE stays in the state but is not sent (RFC 9110 §9.3.1, §9.3.2, §9.3.8).
 */
export function requestForSend(state: PlaygroundState): SendResult {
  const { method, target, headers, body } = state.request;
  const candidate = {
    request: { method, target, headers, body: contentFor(method, body) },
    mode: state.mode,
    client: state.client,
    // Only oauth mode signs in; the other modes send what they always sent.
    ...(state.mode === 'oauth' ? { signIn: state.signIn } : {}),
  };
  const result = exchangeInputSchema.safeParse(candidate);
  if (result.success) return { kind: 'ready', input: result.data };
  const { issues } = result.error;
  return { kind: 'invalid', problems: issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`), fields: issues.map(fieldProblem) };
}
