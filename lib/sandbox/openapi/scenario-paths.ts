import type { SandboxContext } from '../context';
import { challengeHeaders } from '../engine/challenges';
import { presetPath, PRESETS_PATH } from '../routes/paths';
import type { SandboxRoute, ScenarioRoute } from '../routes/route';
import { allPresets, findPreset } from '../scenario/presets';
import type { Layer, Scenario } from '../scenario/scenario';
import { createMemoryStore } from '../store/memory';
import { overrideParameters } from './overrides';
import { json, problem, SCHEME_NAMES, text } from './refs';
import type { HeaderObject, OperationObject, PathItem, ResponseObject, SecurityRequirement } from './types';

// How the OpenAPI document describes a scenario route: the statuses every scenario can answer, with
// example challenges computed by the engine itself.

/** Fixed clock, key and randomness: example challenges (and so the document) are the same every time. */
const EXAMPLE_CTX: SandboxContext = {
  now: () => Date.UTC(2026, 0, 1),
  secret: new Uint8Array(32),
  random: (n) => new Uint8Array(n),
  store: createMemoryStore({ now: () => Date.UTC(2026, 0, 1) }),
};

function challengeHeader(field: string, description: string, layer?: Layer): Record<string, HeaderObject> {
  const lines = layer
    ? challengeHeaders(field === 'Proxy-Authenticate' ? 'proxy' : 'origin', layer, { kind: 'none' }, EXAMPLE_CTX).map(([, value]) => value)
    : [];
  const examples = Object.fromEntries(lines.map((value, i) => [`line${i + 1}`, { summary: `Field line ${i + 1} of ${lines.length}`, value }]));
  return { [field]: { description, required: true, schema: text, ...(lines.length > 0 ? { examples } : {}) } };
}

/** Every scenario can answer every status: schemes= and proxy= bring in any scheme or a proxy hop. */
function scenarioResponses(scenarios: readonly Scenario[], byId: boolean): Record<string, ResponseObject> {
  const one = scenarios.length === 1 ? scenarios[0] : undefined;
  const offered = one ? ` Here: ${one.origin.schemes.map((scheme) => SCHEME_NAMES[scheme.kind]).join(', ')} (schemes= changes that).` : '';
  const proxied = one?.proxy ? ' This scenario has a proxy.' : ' Only with a proxy: in the proxy scenarios, or with proxy=basic or proxy=digest.';
  const bearerError = (error: string): Record<string, HeaderObject> => ({
    'WWW-Authenticate': { description: `Bearer only: a challenge with error="${error}" (RFC 6750 §3.1).`, schema: text },
  });
  return {
    '200': {
      description:
        'The credentials were accepted (for Bearer, the token carries every required scope): a JSON greeting names the user. Cache-Control: private, no-store.',
      headers: { 'Authentication-Info': { description: 'After Digest: rspauth proves the server knows the password too (RFC 7616 §3.5).', schema: text } },
      content: json('Granted'),
    },
    '400': {
      description:
        'Bad request: a credentials field that does not parse, more than one of them, a query parameter the scenario cannot take, or a Bearer token in the query instead of Authorization (RFC 6750 §2.1).',
      headers: bearerError('invalid_request'),
      content: problem(),
    },
    '401': {
      description: `No credentials, or the origin refused them: WWW-Authenticate carries a fresh challenge to answer (RFC 9110 §15.5.2).${offered}`,
      headers: challengeHeader(
        'WWW-Authenticate',
        'One challenge per scheme (and per Digest algorithm), each on its own field line unless layout=one-line.',
        one?.origin,
      ),
      content: problem(),
    },
    '403': {
      description:
        'Authenticated but not permitted: the user lacks the role the resource needs, or a Bearer token lacks a required scope. The same credentials will not help; others may (RFC 9110 §15.5.4).',
      headers: bearerError('insufficient_scope'),
      content: problem(),
    },
    '404': {
      description: `The same refusal as 403, answered "not found" to hide the resource (status=404, RFC 9110 §15.5.4)${byId ? ', or there is no preset with this id' : ''}.`,
      content: problem(),
    },
    '407': {
      description: `The proxy asks first: answer Proxy-Authenticate with Proxy-Authorization (RFC 9110 §15.5.8); the origin's 401 can only come once the proxy lets you through.${proxied}`,
      headers: challengeHeader('Proxy-Authenticate', "The proxy's challenge.", one?.proxy),
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

/** A scenario route: one fixed preset (its title and summary), or any preset by its path parameter. */
export function describeScenarioRoute(route: ScenarioRoute, routes: readonly SandboxRoute[]): PathItem {
  if (route.preset.kind === 'fixed') {
    const preset = findPreset(route.preset.id);
    if (!preset) throw new Error(`The route ${route.path} names no preset "${route.preset.id}"`);
    const operation: OperationObject = {
      operationId: route.operationId,
      summary: preset.title,
      description: `${preset.summary} The same scenario as ${presetPath(preset.id)}. Every method is evaluated alike; the query parameters below change the scenario.`,
      tags: ['Scenarios'],
      parameters: overrideParameters(routes),
      responses: scenarioResponses([preset.scenario], false),
      security: scenarioSecurity([preset.scenario]),
    };
    return { get: operation };
  }
  const presets = allPresets();
  const scenarios = presets.map((preset) => preset.scenario);
  const list = presets.map((preset) => `- \`${preset.id}\`: **${preset.title}**. ${preset.summary}`).join('\n');
  return {
    parameters: [
      {
        name: route.preset.name,
        in: 'path',
        required: true,
        description: `The preset id (GET ${PRESETS_PATH} lists them).`,
        schema: { type: 'string', enum: presets.map((preset) => preset.id) },
        example: 'forbidden-by-role',
      },
    ],
    get: {
      operationId: route.operationId,
      summary: 'Any preset by id',
      description: `Every scenario the lessons and the playground use, by id, with the same query parameters. Every method is evaluated alike.\n\n${list}`,
      tags: ['Scenarios'],
      parameters: overrideParameters(routes),
      responses: scenarioResponses(scenarios, true),
      security: scenarioSecurity(scenarios),
    },
  };
}
