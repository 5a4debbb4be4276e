import fs from 'node:fs';
import path from 'node:path';
import { oauthPresetState, stateForPreset, type PlaygroundState } from '@/lib/playground/model';
import { SNIPPET_LANGUAGES, snippetFor } from '@/lib/playground/snippets';
import { OAUTH_NOTE, snippetPlanFor } from '@/lib/playground/snippets/plan';
import type { ClientProfile } from '@/lib/sandbox/scenario/client-profile';
import { findPreset } from '@/lib/sandbox/scenario/presets';

// Golden snippets for what the playground's auto-mode client holds, one file per profile and
// language (tests/lib/playground/golden/auto-<case>.<language>.txt): the snippet is what a learner
// copies, so a change is reviewed as a diff. tests/http/snippets.test.ts runs them against the lab.

const LAB = 'http://localhost:3000';
const alice = { kind: 'password', user: 'alice', password: 'wonderland', charset: 'UTF-8' } as const;

type PlanCase = { preset: string; query?: string; client?: Partial<ClientProfile>; origin?: string; mode?: PlaygroundState['mode'] };

const CASES: Record<string, PlanCase> = {
  'basic-password': { preset: 'basic-wrong-password' },
  'basic-latin1': { preset: 'basic-non-ascii', client: { origin: { kind: 'password', user: 'zoë', password: '123£', charset: 'ISO-8859-1' } } },
  'basic-utf8': { preset: 'basic-non-ascii' },
  'digest-password': { preset: 'digest' },
  'digest-auth-int': { preset: 'digest-auth-int' },
  'bearer-valid': { preset: 'bearer' },
  'bearer-expired': { preset: 'bearer-expired-token' },
  'bearer-forged': { preset: 'bearer', client: { origin: { kind: 'token', token: 'forged', subject: 'alice', scope: ['read'] } } },
  'bearer-garbage': { preset: 'bearer', client: { origin: { kind: 'token', token: 'garbage', subject: 'alice', scope: ['read'] } } },
  'proxy-basic': { preset: 'proxy-then-origin' },
  'proxy-digest-https': { preset: 'proxy-then-origin', query: '?proxy=digest', origin: 'https://lab.example' },
  // NTLM and Negotiate: curl --ntlm and requests_ntlm run the legs; fetch, node:http and HTTPie say they cannot.
  'ntlm-password': { preset: 'ntlm' },
  'negotiate-password': { preset: 'negotiate' },
  'proxy-ntlm': { preset: 'ntlm-proxy' },
  'ntlm-split-connection': { preset: 'ntlm-split-connection' },
  // The request already carries Authorization: sent as written, and the snippet says so.
  'written-authorization': { preset: 'lowercase-scheme' },
  // Manual mode: the request as edited, whatever the client holds.
  manual: { preset: 'basic', mode: 'manual', client: { origin: alice } },
};

function stateFor(planCase: PlanCase): PlaygroundState {
  const preset = findPreset(planCase.preset);
  if (!preset) throw new Error(`no preset ${planCase.preset}`);
  const state = stateForPreset(preset);
  return {
    ...state,
    mode: planCase.mode ?? 'auto',
    request: { ...state.request, target: `${state.request.target}${planCase.query ?? ''}` },
    client: { ...state.client, ...planCase.client },
  };
}

const GOLDEN = path.join(__dirname, 'golden');

describe('snippets for what the auto client holds: golden files', () => {
  const pairs = Object.keys(CASES).flatMap((name) => SNIPPET_LANGUAGES.map((language) => [name, language.id] as const));
  test.each(pairs)('%s in %s', (name, language) => {
    const planCase = CASES[name] as PlanCase;
    const snippet = `${snippetFor(language, snippetPlanFor(stateFor(planCase), planCase.origin ?? LAB))}\n`;
    const file = path.join(GOLDEN, `auto-${name}.${language}.txt`);
    // UPDATE_GOLDEN=1 rewrites the files; review the diff before committing it.
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, snippet);
    expect(snippet).toBe(fs.readFileSync(file, 'utf8'));
  });
});

describe('snippetPlanFor', () => {
  test.each(SNIPPET_LANGUAGES.map((language) => language.id))('oauth mode in %s: the first request only, and a note saying so', (language) => {
    const plan = snippetPlanFor(oauthPresetState(), LAB);
    expect(plan).toEqual({
      request: { method: 'GET', url: `${LAB}/api/sandbox/oauth/whoami`, headers: [], body: '' },
      origin: { kind: 'none' },
      notes: [OAUTH_NOTE],
    });
    const snippet = snippetFor(language, plan);
    expect(snippet).toContain(`${LAB}/api/sandbox/oauth/whoami`);
    expect(snippet).toContain('only the chain’s first request');
    expect(snippet).not.toMatch(/Bearer|Authorization/);
  });

  test.each<[string, PlanCase, string]>([
    ['Basic offered, a password held', { preset: 'basic' }, 'basic'],
    ['Digest and Basic offered: the stronger, as the simulated client picks', { preset: 'several-challenges' }, 'digest'],
    ['only Bearer offered, a password held: nothing to answer with', { preset: 'wrong-scheme', client: { origin: alice } }, 'none'],
    ['a user-id with ":" cannot be sent with Basic (RFC 7617 §2)', { preset: 'basic', client: { origin: { ...alice, user: 'a:lice' } } }, 'none'],
    ['schemes=digest in the query overrides the preset', { preset: 'basic', query: '?schemes=digest' }, 'digest'],
    ['manual mode answers nothing', { preset: 'basic', mode: 'manual' }, 'none'],
    ['NTLM offered, a password held', { preset: 'ntlm' }, 'ntlm'],
    ['Negotiate beats Digest, as the simulated client picks', { preset: 'negotiate', query: '?schemes=digest,negotiate' }, 'ntlm'],
    ['Digest beats NTLM, as the simulated client picks', { preset: 'ntlm', query: '?schemes=ntlm,digest' }, 'digest'],
  ])('%s', (_what, planCase, kind) => {
    expect(snippetPlanFor(stateFor(planCase), LAB).origin.kind).toBe(kind);
  });

  test('through the lab as a proxy, the URL is http:// even on an https lab (no CONNECT tunnel, RFC 9110 §9.3.6)', () => {
    const plan = snippetPlanFor(stateFor({ preset: 'proxy-then-origin', origin: 'https://lab.example' }), 'https://lab.example');
    expect(plan.proxy?.url).toBe('https://lab.example');
    expect(plan.request.url).toBe('http://lab.example/api/sandbox/presets/proxy-then-origin');
  });
});
