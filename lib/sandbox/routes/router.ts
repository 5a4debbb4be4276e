import type { SandboxContext } from '../context';
import { withCors } from '../cors';
import { targetPath, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { orStoreUnavailable } from '../store-unavailable';
import { routeMatcher } from './match';
import { PRESETS_PATH, SANDBOX_PREFIX } from './paths';
import { allowedMethods, crossOrigin, preflightFor, type SandboxResult, type SandboxRoute, type ScenarioRoute, type SendRequest } from './route';
import { answerScenario, bareScenarioTargets, lookupScenario, scenarioRouteTargets, type ScenarioLookup } from './scenario';
import { SANDBOX_ROUTES } from './table';

// Every sandbox request goes through here: both HTTP adapters (node:http in server.ts and the Next route
// handlers) and the exchange's own requests, so all doors agree. What answers where is the route table's.

const findRoute = routeMatcher(SANDBOX_ROUTES);

/** Paths served by the sandbox rather than Next: the table's own, and anything under the prefix (a 404 of its own). */
export function isSandboxPath(path: string): boolean {
  // /.well-known/ holds only the OAuth metadata documents (RFC 8615): the engine answers every path
  // under it, unknown ones with a 404 problem, so none falls through to Next's pages.
  return path === SANDBOX_PREFIX || path.startsWith(`${SANDBOX_PREFIX}/`) || path.startsWith(WELL_KNOWN_PREFIX) || findRoute(path) !== undefined;
}

/** Whether the answers for this path carry the sandbox's CORS fields (every path but the lab's own same-origin routes). */
export function isCrossOriginPath(path: string): boolean {
  const match = findRoute(path);
  return match === undefined || crossOrigin(match.route);
}

const WELL_KNOWN_PREFIX = '/.well-known/';

const scenarioRoutes = SANDBOX_ROUTES.filter((route): route is ScenarioRoute => route.kind === 'scenario');
const suggestions = [...scenarioRoutes.flatMap((route) => (route.preset.kind === 'fixed' ? [route.path] : [])), PRESETS_PATH]
  .map((path, i) => (i === 0 ? path : path.slice(SANDBOX_PREFIX.length)))
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

/** The scenario a sandbox URL names, with its query overrides applied; other: the URL names no scenario. */
export function resolveScenario(target: string): ScenarioLookup | { kind: 'other' } {
  const match = findRoute(targetPath(target));
  return match?.route.kind === 'scenario' ? lookupScenario(match.route, match.params, target) : { kind: 'other' };
}

/** The sandbox URLs whose bare GET always gets the same answer, not even a fresh Digest nonce. */
export const invariantBareTargets = (): string[] => bareScenarioTargets(scenarioRoutes);

/** Every scenario URL without a query (server.ts prepares their bare answers, edge/bare-answers.ts). */
export const scenarioBareTargets = (): string[] => scenarioRouteTargets(scenarioRoutes);

export async function routeSandboxRequest(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResult> {
  const path = targetPath(request.target);
  const match = findRoute(path);
  if (!match) return { response: withCors(problemResponse({ status: 404, detail: `No sandbox endpoint at ${path}. Try ${suggestions}.` })), trace: [] };
  const { route, params } = match;
  const cors = crossOrigin(route);
  // A preflight never carries credentials, so it is answered 204 whatever the resource would say (WHATWG Fetch).
  if (request.method === 'OPTIONS' && cors) return { response: preflightFor(route), trace: [] };
  // The path as the route table names it ({id}, not the id): what the operator's log line may show.
  const where = `${request.method} ${route.path}`;
  const result = await orStoreUnavailable(
    () => answerRoute(route, params, request, ctx),
    (response) => ({ response, trace: [] }),
    where,
    ctx.now,
  );
  return cors ? { ...result, response: withCors(result.response) } : result;
}

/** Not async: it hands on the answer or its promise, one hop fewer per request (issue 23); orStoreUnavailable awaits it. */
function answerRoute(
  route: SandboxRoute,
  params: Record<string, string>,
  request: SandboxRequest,
  ctx: SandboxContext,
): SandboxResult | Promise<SandboxResult> {
  switch (route.kind) {
    case 'scenario':
      return answerScenario(route, params, request, ctx);
    case 'endpoint':
      // RFC 9110 §15.5.6: a 405 carries Allow.
      return route.methods.includes(request.method)
        ? route.handle(request, { ctx, params, send: (next) => routeSandboxRequest(next, ctx), routes: SANDBOX_ROUTES })
        : { response: problemResponse({ status: 405, detail: route.wrongMethod }, [['Allow', allowedMethods(route)]]), trace: [] };
    default: {
      const never: never = route;
      return never;
    }
  }
}

/** A sender for code that runs a conversation outside a route (the build-time <TryIt> transcripts). */
export const sandboxSender =
  (ctx: SandboxContext): SendRequest =>
  (request) =>
    routeSandboxRequest(request, ctx);

export async function handleSandboxRequest(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  return (await routeSandboxRequest(request, ctx)).response;
}
