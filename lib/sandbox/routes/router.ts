import type { SandboxContext } from '../context';
import { SANDBOX_PREFIX } from '../exchange/input';
import { preflightResponse, withCors } from '../cors';
import { evaluate } from '../engine/engine';
import { isPlainChallenge } from '../engine/challenges';
import { splitTarget, targetPath, type SandboxRequest, type SandboxResponse } from '../message';
import { READ_METHODS, SANDBOX_METHODS, TOKEN_METHODS } from './methods';
import { applyOverrides } from '../scenario/overrides';
import { findPreset, allPresets, type Preset } from '../scenario/presets';
import { problemResponse } from '../problem';
import type { Scenario } from '../scenario/scenario';
import { tokenEndpoint } from '../engine/token-endpoint';
import type { TraceStep } from '../engine/trace';

// /api/sandbox/*: which scenario a URL names, and the response. Both HTTP adapters (node:http in
// server.ts and the Next route handler) call handleSandboxRequest, and /api/exchange resolves its
// targets through resolveScenario, so all doors agree.

export { SANDBOX_PREFIX };

/** Short URLs for the four classic endpoints; every preset also has /api/sandbox/presets/{id}. */
const ENDPOINT_PRESETS: Record<string, string> = {
  basic: 'basic',
  digest: 'digest',
  bearer: 'bearer',
  proxy: 'proxy-then-origin',
};

export type ScenarioLookup =
  | { kind: 'scenario'; preset: Preset; scenario: Scenario }
  | { kind: 'invalid'; response: SandboxResponse }
  | { kind: 'other' };

function presetIdFor(path: string): string | undefined {
  const rest = path.slice(SANDBOX_PREFIX.length);
  const short = /^\/([a-z]+)\/?$/.exec(rest)?.[1];
  if (short !== undefined && Object.hasOwn(ENDPOINT_PRESETS, short)) return ENDPOINT_PRESETS[short];
  return /^\/presets\/([a-z0-9-]+)\/?$/.exec(rest)?.[1];
}

/** The scenario a sandbox URL names, with its query overrides applied. */
export function resolveScenario(target: string): ScenarioLookup {
  const path = targetPath(target);
  const id = presetIdFor(path);
  if (id === undefined) return { kind: 'other' };
  const preset = findPreset(id);
  if (!preset) {
    return { kind: 'invalid', response: problemResponse({ status: 404, detail: `There is no preset "${id}". GET ${SANDBOX_PREFIX}/presets lists them all.` }) };
  }
  // Without a query there is nothing to override: the preset as validated at load (the hot path).
  if (path.length === target.length) return { kind: 'scenario', preset, scenario: preset.scenario };
  const overridden = applyOverrides(preset.scenario, splitTarget(target).query);
  if (!overridden.ok) return { kind: 'invalid', response: problemResponse({ status: 400, detail: overridden.message }) };
  return { kind: 'scenario', preset, scenario: overridden.scenario };
}

/** Every URL that names a preset without a query: the short ones, then /presets/{id} for each. */
function presetTargets(): Array<{ target: string; preset: Preset }> {
  const short = Object.entries(ENDPOINT_PRESETS).flatMap(([name, id]) => {
    const preset = findPreset(id);
    return preset ? [{ target: `${SANDBOX_PREFIX}/${name}`, preset }] : [];
  });
  return [...short, ...allPresets().map((preset) => ({ target: `${SANDBOX_PREFIX}/presets/${preset.id}`, preset }))];
}

/**
 * The sandbox URLs whose answer to a bare GET or HEAD (no credentials, no query, no body) is the same
 * every time: the first hop refuses with a plain challenge (no Digest nonce, see isPlainChallenge),
 * and nothing else in such a request reaches the engine. server.ts serialises these answers once.
 */
export function invariantBareTargets(): string[] {
  return presetTargets()
    .filter(({ preset }) => isPlainChallenge(preset.scenario.proxy ?? preset.scenario.origin, { kind: 'none' }))
    .map(({ target }) => target);
}

function presetList(): SandboxResponse {
  const presets = allPresets().map((preset) => ({ id: preset.id, title: preset.title, summary: preset.summary, url: `${SANDBOX_PREFIX}/presets/${preset.id}` }));
  return { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ presets }) };
}

export type SandboxResult = { response: SandboxResponse; trace: TraceStep[]; forwarded?: SandboxRequest };

/** The sandbox path after /api/sandbox, without a trailing slash ("/token", "/presets/basic"). */
const sandboxRest = (path: string) => path.slice(SANDBOX_PREFIX.length).replace(/\/$/, '');

/** The methods a sandbox URL path takes (lib/sandbox/methods.ts): what OPTIONS and a 405 name. */
export function allowedMethods(path: string): string {
  const rest = sandboxRest(path);
  if (rest === '/token') return TOKEN_METHODS;
  if (rest === '/presets' || rest === '/openapi.json') return READ_METHODS;
  return SANDBOX_METHODS;
}

/** The read-only documents refuse other methods (RFC 9110 §15.5.6: a 405 carries Allow). */
function readOnly(request: SandboxRequest, path: string, answer: () => SandboxResponse | Promise<SandboxResponse>): SandboxResponse | Promise<SandboxResponse> {
  if (request.method === 'GET' || request.method === 'HEAD') return answer();
  return problemResponse({ status: 405, detail: `${path} is read-only: use GET or HEAD.` }, [['Allow', READ_METHODS]]);
}

export async function routeSandboxRequest(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResult> {
  const path = targetPath(request.target);
  if (request.method === 'OPTIONS') return { response: preflightResponse(allowedMethods(path)), trace: [] };
  const lookup = resolveScenario(request.target);
  switch (lookup.kind) {
    case 'scenario': {
      const { response, trace, forwarded } = await evaluate(lookup.scenario, request, ctx);
      return { response: withCors(response), trace, forwarded };
    }
    case 'invalid':
      return { response: withCors(lookup.response), trace: [] };
    case 'other':
      break;
    default: {
      const never: never = lookup;
      return never;
    }
  }
  const rest = sandboxRest(path);
  if (rest === '/presets') return { response: withCors(await readOnly(request, path, presetList)), trace: [] };
  if (rest === '/openapi.json') {
    const document = async (): Promise<SandboxResponse> => {
      // Loaded on demand: openapi.ts reads the router (and the modules that read it) to describe it.
      const { openApiJson } = await import('../openapi/document');
      return { status: 200, headers: [['Content-Type', 'application/json']], body: openApiJson() };
    };
    return { response: withCors(await readOnly(request, path, document)), trace: [] };
  }
  if (rest === '/token') {
    const users = findPreset('bearer')?.scenario.origin.users ?? [];
    return { response: withCors(await tokenEndpoint(request, users, ctx)), trace: [] };
  }
  const detail = `No sandbox endpoint at ${path}. Try ${SANDBOX_PREFIX}/basic, /digest, /bearer, /proxy or /presets.`;
  return { response: withCors(problemResponse({ status: 404, detail })), trace: [] };
}

export async function handleSandboxRequest(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  return (await routeSandboxRequest(request, ctx)).response;
}
