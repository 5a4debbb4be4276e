import type { SandboxContext } from '../context';
import { preflightResponse } from '../cors';
import type { TraceStep } from '../engine/trace';
import type { SandboxRequest, SandboxResponse } from '../message';
import type { PathItem } from '../openapi/types';
import type { Preset } from '../scenario/presets';
import type { Scenario } from '../scenario/scenario';

// One entry of the sandbox's route table (table.ts): where it answers, which methods it takes, what it
// does and how the OpenAPI document describes it. The router, OPTIONS and 405 answers, the document,
// the /api page and server.ts's prepared answers all read the table; nothing else names a route.

export type SandboxResult = {
  response: SandboxResponse;
  trace: TraceStep[];
  /** What the proxy forwarded to the origin, when the request got past the proxy. */
  forwarded?: SandboxRequest;
  /** The scenario that answered, when the URL named one (the exchange's simulated client reads its preset). */
  scenario?: { preset: Preset; scenario: Scenario };
};

/** Runs one request through the router: handed to routes that send requests of their own (the exchange). */
export type SendRequest = (request: SandboxRequest) => Promise<SandboxResult>;

/** What a handler is given besides the request. */
export type RouteCall = {
  ctx: SandboxContext;
  /** The values of the path's {parameters}. */
  params: Readonly<Record<string, string>>;
  send: SendRequest;
  routes: readonly SandboxRoute[];
};

/**
 * A protected resource: the URL names a preset (a fixed one, or by a path parameter), the query
 * reconfigures it (scenario/overrides.ts) and the engine answers. Every method is evaluated alike.
 */
export type ScenarioRoute = {
  kind: 'scenario';
  /** The path as OpenAPI writes it, e.g. /api/sandbox/presets/{id}. */
  path: string;
  preset: { kind: 'fixed'; id: string } | { kind: 'param'; name: string };
  operationId: string;
};

/** Any other endpoint: its own methods, handler and description. */
export type EndpointRoute = {
  kind: 'endpoint';
  path: string;
  /** The methods it takes besides OPTIONS; any other gets 405 with Allow (RFC 9110 §15.5.6). */
  methods: readonly string[];
  /**
   * true: callable from any origin (the sandbox's CORS fields on every answer, a preflight for OPTIONS).
   * false: the lab's own pages only, no CORS and no preflight.
   */
  cors: boolean;
  /** The request fields a preflight allows, when the route takes more than CORS_REQUEST_HEADERS. */
  corsRequestHeaders?: readonly string[];
  /** The 405 problem's detail. */
  wrongMethod: string;
  /**
   * It keeps state in the shared store (a replay check, a one-time code, a run): with REDIS_URL it answers
   * 503 while Redis does not (store-unavailable.ts), and the OpenAPI document says so. Scenario routes
   * always may (Digest nc, NTLM proofs).
   */
  sharedStore?: true;
  handle(request: SandboxRequest, call: RouteCall): SandboxResult | Promise<SandboxResult>;
  /** Its OpenAPI path item; the document adds the preflight (for cors routes) and the 429. */
  describe(): PathItem;
};

export type SandboxRoute = ScenarioRoute | EndpointRoute;

/** A scenario answers every method, each with its challenge; Allow names the usual ones. */
const SCENARIO_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Allow for a scenario, and for the server as a whole (OPTIONS *, a refused CONNECT). */
export const SCENARIO_ALLOW = [...SCENARIO_METHODS, 'OPTIONS'].join(', ');

/** What Allow and Access-Control-Allow-Methods say for a route (RFC 9110 §9.3.7). */
export function allowedMethods(route: SandboxRoute): string {
  switch (route.kind) {
    case 'scenario':
      return SCENARIO_ALLOW;
    case 'endpoint':
      return [...route.methods, ...(route.cors ? ['OPTIONS'] : [])].join(', ');
    default: {
      const never: never = route;
      return never;
    }
  }
}

/** The preflight's answer for a cross-origin route (WHATWG Fetch, CORS-preflight fetch). */
export const preflightFor = (route: SandboxRoute): SandboxResponse =>
  preflightResponse(allowedMethods(route), route.kind === 'endpoint' ? route.corsRequestHeaders : undefined);

/** Whether a route's answers carry the sandbox's CORS fields. */
export const crossOrigin = (route: SandboxRoute): boolean => route.kind === 'scenario' || route.cors;
