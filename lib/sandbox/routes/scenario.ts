import type { SandboxContext } from '../context';
import { isPlainChallenge } from '../engine/challenges';
import { evaluate } from '../engine/engine';
import type { SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { applyOverrides } from '../scenario/overrides';
import { boundedMap } from '../store/bounded-map';
import { allPresets, findPreset, type Preset } from '../scenario/presets';
import type { Scenario } from '../scenario/scenario';
import { PRESETS_PATH } from './paths';
import type { SandboxResult, ScenarioRoute } from './route';

// The scenario routes: which preset a URL names, reconfigured by its query, answered by the engine.

export type ScenarioLookup = { kind: 'scenario'; preset: Preset; scenario: Scenario } | { kind: 'invalid'; response: SandboxResponse };

/**
 * Scenarios made from a query, by preset and query: a learner's experiment is one URL requested again and
 * again (each hop of a conversation, every retry), and checking and validating its overrides costs more
 * than answering it (issue 23). The same Scenario object each time also lets the engine's per-layer
 * caches (challenges.ts, engine.ts) work for it as for a preset. Bounded, and only for queries of a
 * sensible length, so no client grows it; refusals are not kept (a fresh problem each time).
 */
const overridden = boundedMap<string, Scenario>(256);
const MAX_CACHED_QUERY = 512;

function withOverrides(preset: Preset, query: string): Scenario | { error: string } {
  const key = `${preset.id}?${query}`;
  const known = overridden.get(key);
  if (known) return known;
  const result = applyOverrides(preset.scenario, new URLSearchParams(query));
  if (!result.ok) return { error: result.message };
  if (query.length <= MAX_CACHED_QUERY) overridden.set(key, result.scenario);
  return result.scenario;
}

/** The scenario a scenario route's URL names, with the target's query overrides applied. */
export function lookupScenario(route: ScenarioRoute, params: Readonly<Record<string, string>>, target: string): ScenarioLookup {
  const id = route.preset.kind === 'fixed' ? route.preset.id : (params[route.preset.name] ?? '');
  const preset = findPreset(id);
  if (!preset)
    return { kind: 'invalid', response: problemResponse({ status: 404, detail: `There is no preset "${id}". GET ${PRESETS_PATH} lists them all.` }) };
  const at = target.indexOf('?');
  // Without a query there is nothing to override: the preset as validated at load (the hot path).
  if (at === -1) return { kind: 'scenario', preset, scenario: preset.scenario };
  const scenario = withOverrides(preset, target.slice(at + 1));
  if ('error' in scenario) return { kind: 'invalid', response: problemResponse({ status: 400, detail: scenario.error }) };
  return { kind: 'scenario', preset, scenario };
}

export async function answerScenario(
  route: ScenarioRoute,
  params: Readonly<Record<string, string>>,
  request: SandboxRequest,
  ctx: SandboxContext,
): Promise<SandboxResult> {
  const lookup = lookupScenario(route, params, request.target);
  if (lookup.kind === 'invalid') return { response: lookup.response, trace: [] };
  const { response, trace, forwarded } = await evaluate(lookup.scenario, request, ctx);
  return { response, trace, forwarded, scenario: { preset: lookup.preset, scenario: lookup.scenario } };
}

/** Every URL a scenario route answers without a query: its own, or one per preset for {id}. */
function scenarioTargets(route: ScenarioRoute): Array<{ target: string; preset: Preset }> {
  if (route.preset.kind === 'fixed') {
    const preset = findPreset(route.preset.id);
    return preset ? [{ target: route.path, preset }] : [];
  }
  const placeholder = `{${route.preset.name}}`;
  return allPresets().map((preset) => ({ target: route.path.replace(placeholder, preset.id), preset }));
}

/** Every URL the scenario routes answer without a query. */
export function scenarioRouteTargets(routes: readonly ScenarioRoute[]): string[] {
  return routes.flatMap(scenarioTargets).map(({ target }) => target);
}

/**
 * The URLs whose answer to a bare GET or HEAD (no credentials, no query, no body) is the same every
 * time: the first hop refuses with a plain challenge (no Digest nonce, see isPlainChallenge), and
 * nothing else in such a request reaches the engine. server.ts serialises these answers once.
 */
export function bareScenarioTargets(routes: readonly ScenarioRoute[]): string[] {
  return routes
    .flatMap(scenarioTargets)
    .filter(({ preset }) => isPlainChallenge(preset.scenario.proxy ?? preset.scenario.origin, { kind: 'none' }))
    .map(({ target }) => target);
}
