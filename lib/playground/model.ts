import * as z from '@/lib/zod';
import { clientProfileSchema } from '@/lib/sandbox/scenario/client-profile';
import { exchangeInputSchema } from '@/lib/sandbox/exchange/input';
import { findPreset, allPresets, type Preset } from '@/lib/sandbox/scenario/presets';

// The playground's whole state: what the reader is about to send, how, and with what the simulated
// client holds. Versioned, because share links outlive releases (a link made today must open later).

export const PLAYGROUND_STATE_VERSION = 1;

export const playgroundStateSchema = z.object({
  v: z.literal(PLAYGROUND_STATE_VERSION),
  /** The preset the state started from; "Reset" returns to it. */
  preset: z.string().check(z.refine((id) => findPreset(id) !== undefined, 'must be a known preset id')),
  /** The request as the client sends it: target is a sandbox URL whose query configures the scenario. */
  request: exchangeInputSchema.shape.request,
  mode: z.enum(['manual', 'auto']),
  client: clientProfileSchema,
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
  };
}

export function defaultState(): PlaygroundState {
  const preset = findPreset(DEFAULT_PRESET_ID) ?? allPresets()[0];
  if (!preset) throw new Error('no presets');
  return stateForPreset(preset);
}
