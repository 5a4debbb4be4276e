import * as z from '@/lib/zod';
import { clientProfileSchema } from '@/lib/sandbox/scenario/client-profile';
import { DEFAULT_SIGN_IN, EXCHANGE_MODES, exchangeInputSchema, signInSchema } from '@/lib/sandbox/exchange/input';
import { findPreset, allPresets, type Preset } from '@/lib/sandbox/scenario/presets';
import { findOAuthPreset, OAUTH_PRESET, type OAuthPreset } from './oauth-preset';

// The playground's whole state: what the reader is about to send, how, and with what the simulated
// client holds. Versioned, because share links outlive releases (a link made today must open later).

export const PLAYGROUND_STATE_VERSION = 1;

export const playgroundStateSchema = z.object({
  v: z.literal(PLAYGROUND_STATE_VERSION),
  /** The preset the state started from; "Reset" returns to it. */
  preset: z.string().check(z.refine((id) => findPreset(id) !== undefined || findOAuthPreset(id) !== undefined, 'must be a known preset id')),
  /** The request as the client sends it: target is a sandbox URL whose query configures the scenario. */
  request: exchangeInputSchema.shape.request,
  mode: z.enum(EXCHANGE_MODES),
  client: clientProfileSchema,
  /** oauth mode: how the learner signs in on the consent page. A default, so links made before it still open. */
  signIn: z._default(signInSchema, DEFAULT_SIGN_IN),
});
export type PlaygroundState = z.infer<typeof playgroundStateSchema>;

export const DEFAULT_PRESET_ID = 'basic-missing-credentials';

export function stateForPreset(preset: Preset): PlaygroundState {
  return {
    v: PLAYGROUND_STATE_VERSION,
    preset: preset.id,
    request: { method: preset.request.method, target: preset.request.path, headers: preset.request.headers, body: preset.request.body ?? '' },
    mode: 'auto',
    client: preset.client,
    signIn: { ...DEFAULT_SIGN_IN },
  };
}

/** An OAuth start (whoami by default) in oauth mode, signing in as alice and allowing. */
export function oauthPresetState(preset: OAuthPreset = OAUTH_PRESET): PlaygroundState {
  const { method, target } = preset.request;
  return {
    v: PLAYGROUND_STATE_VERSION,
    preset: preset.id,
    request: { method, target, headers: [], body: '' },
    mode: 'oauth',
    client: clientProfileSchema.parse({}),
    signIn: { ...DEFAULT_SIGN_IN },
  };
}

/** A fresh state for any start the picker offers (a scenario preset or an OAuth one), or undefined for an unknown id. */
export function presetStartState(id: string): PlaygroundState | undefined {
  const oauth = findOAuthPreset(id);
  if (oauth) return oauthPresetState(oauth);
  const preset = findPreset(id);
  return preset && structuredClone(stateForPreset(preset));
}

export function defaultState(): PlaygroundState {
  const preset = findPreset(DEFAULT_PRESET_ID) ?? allPresets()[0];
  if (!preset) throw new Error('no presets');
  return stateForPreset(preset);
}
