import { applyOverrides } from '../scenario/overrides';
import { findPreset } from '../scenario/presets';
import type { Scenario } from '../scenario/scenario';
import { targetPath } from '../message';
import { routeMatcher } from './match';
import { presetPath, SANDBOX_PREFIX } from './paths';
import type { ScenarioRoute } from './route';

// The URLs that name a scenario, apart from the rest of the route table (table.ts lists them in its
// own order), so code in the browser can tell which scenario a target names without loading the
// engine and every endpoint's handler: the playground's snippets need the schemes each hop offers.

/** Short URLs for the classic scenarios. */
export const BASIC_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/basic`,
  preset: { kind: 'fixed', id: 'basic' },
  operationId: 'getBasic',
};
export const DIGEST_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/digest`,
  preset: { kind: 'fixed', id: 'digest' },
  operationId: 'getDigest',
};
export const BEARER_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/bearer`,
  preset: { kind: 'fixed', id: 'bearer' },
  operationId: 'getBearer',
};
export const PROXY_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/proxy`,
  preset: { kind: 'fixed', id: 'proxy-then-origin' },
  operationId: 'getProxy',
};
export const NTLM_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/ntlm`,
  preset: { kind: 'fixed', id: 'ntlm' },
  operationId: 'getNtlm',
};
export const NEGOTIATE_ROUTE: ScenarioRoute = {
  kind: 'scenario',
  path: `${SANDBOX_PREFIX}/negotiate`,
  preset: { kind: 'fixed', id: 'negotiate' },
  operationId: 'getNegotiate',
};
/** Every preset also answers at /api/sandbox/presets/{id}. */
export const PRESET_ROUTE: ScenarioRoute = { kind: 'scenario', path: presetPath('{id}'), preset: { kind: 'param', name: 'id' }, operationId: 'getPreset' };

const findScenarioRoute = routeMatcher([BASIC_ROUTE, DIGEST_ROUTE, BEARER_ROUTE, PROXY_ROUTE, NTLM_ROUTE, NEGOTIATE_ROUTE, PRESET_ROUTE]);

/**
 * The scenario a target names, with its query's overrides applied, as the sandbox will read it;
 * undefined for a target that names no scenario, an unknown preset or overrides the sandbox refuses.
 */
export function scenarioAtTarget(target: string): Scenario | undefined {
  const match = findScenarioRoute(targetPath(target));
  if (!match || match.route.kind !== 'scenario') return undefined;
  const { preset: named } = match.route;
  const preset = findPreset(named.kind === 'fixed' ? named.id : (match.params[named.name] ?? ''));
  if (!preset) return undefined;
  const at = target.indexOf('?');
  if (at === -1) return preset.scenario;
  const overridden = applyOverrides(preset.scenario, new URLSearchParams(target.slice(at + 1)));
  return overridden.ok ? overridden.scenario : undefined;
}
