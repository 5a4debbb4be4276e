// A preset's whole conversation, run once at build time: <TryIt> shows it, and a lesson's opening
// picture (frontmatter `picture`) draws it. One place, so the two can never tell it differently.
import { createSandboxContext } from '../context';
import { findPreset, type Preset } from '../scenario/presets';
import { sandboxSender } from '../routes/router';
import { exchangeInputSchema, type ExchangeInput, type Transcript } from './input';
import { runExchange } from './run';

// A build-time context of its own: the transcript is an illustration (its nonces and tokens are
// never checked), so it needs no shared secret and must not warn about one.
const buildContext = createSandboxContext({ secret: crypto.getRandomValues(new Uint8Array(32)) });

export type PresetConversation = { preset: Preset; input: ExchangeInput; transcript: Transcript };

/** Runs the preset's request through the engine (in `auto` mode the client answers each challenge). */
export async function presetConversation(id: string, mode: 'auto' | 'manual', usedBy: string): Promise<PresetConversation> {
  const preset = findPreset(id);
  if (!preset) throw new Error(`${usedBy} names no sandbox preset: there is no "${id}" in lib/sandbox/scenario/presets`);
  const input: ExchangeInput = {
    request: { method: preset.request.method, target: preset.request.path, headers: preset.request.headers, body: preset.request.body ?? '' },
    mode,
  };
  const transcript = await runExchange(exchangeInputSchema.parse(input), buildContext, sandboxSender(buildContext));
  return { preset, input, transcript };
}
