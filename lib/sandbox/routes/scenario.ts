import type { SandboxContext } from '../context';
import { isPlainChallenge } from '../engine/challenges';
import { evaluate } from '../engine/engine';
import type { SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { applyOverrides } from '../scenario/overrides';
import { allPresets, findPreset, type Preset } from '../scenario/presets';
import type { Scenario } from '../scenario/scenario';
import { PRESETS_PATH } from './paths';
import type { SandboxResult, ScenarioRoute } from './route';

// The scenario routes: which preset a URL names, reconfigured by its query, answered by the engine.

export type ScenarioLookup = { kind: 'scenario'; preset: Preset; scenario: Scenario } | { kind: 'invalid'; response: SandboxResponse };

/** The scenario a scenario route's URL names, with the target's query overrides applied. */
export function lookupScenario(route: ScenarioRoute, params: Readonly<Record<string, string>>, target: string): ScenarioLookup {
  const id = route.preset.kind === 'fixed' ? route.preset.id : (params[route.preset.name] ?? '');
  const preset = findPreset(id);
  if (!preset)
    return { kind: 'invalid', response: problemResponse({ status: 404, detail: `There is no preset "${id}". GET ${PRESETS_PATH} lists them all.` }) };
  const at = target.indexOf('?');
  // Without a query there is nothing to override: the preset as validated at load (the hot path).
  if (at === -1) return { kind: 'scenario', preset, scenario: preset.scenario };
  const overridden = applyOverrides(preset.scenario, new URLSearchParams(target.slice(at + 1)));
  if (!overridden.ok) return { kind: 'invalid', response: problemResponse({ status: 400, detail: overridden.message }) };
  return { kind: 'scenario', preset, scenario: overridden.scenario };
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
