import { DPOP_PATH, TRANSFER_PATH, WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';

// The playground's starts that are not sandbox scenarios: the lab's OAuth-protected resources, in oauth
// mode, so Send runs the whole chain from its 401 to a token and back (docs/oauth-server.md). Scenario
// presets (lib/sandbox/scenario/presets.ts) describe what the engine answers; these describe what the
// client does, so they live with the playground.

export type OAuthPreset = { id: string; title: string; summary: string; request: { method: string; target: string } };

export const OAUTH_PRESET = {
  id: 'oauth-discovery',
  // No status code in the title: every playground page has it in a hidden <option>, and journeys find statuses by their text.
  title: 'OAuth: discovery, sign-in and a token for whoami',
  summary:
    'GET whoami answers 401 with resource_metadata. The client follows it to the resource’s metadata (RFC 9728), the authorization server’s (RFC 8414), registers (RFC 7591), sends you to the consent page to sign in, trades the code and its PKCE verifier for a token for this resource (RFC 7636, RFC 8707), and retries.',
  request: { method: 'GET', target: WHOAMI_PATH },
} as const satisfies OAuthPreset;

export const OAUTH_STEP_UP_PRESET = {
  id: 'oauth-step-up',
  title: 'OAuth step-up: a transfer that wants a one-time code',
  summary:
    'POST transfer: the same chain to a token, but the retry is refused with insufficient_user_authentication, acr_values="mfa" and max_age="120" (RFC 9470 §3). The client asks again with them (RFC 9470 §4), the consent page asks for the one-time code it shows, and the stronger token is taken.',
  request: { method: 'POST', target: TRANSFER_PATH },
} as const satisfies OAuthPreset;

export const OAUTH_DPOP_PRESET = {
  id: 'oauth-dpop',
  title: 'OAuth DPoP: a token bound to a key, and two nonces',
  summary:
    'GET dpop answers 401 with a DPoP challenge only (RFC 9449 §7.1). The client makes an ES256 key, signs a proof for its token request, is sent back for a nonce (400 use_dpop_nonce, RFC 9449 §8), gets a DPoP-bound token (§5), and sends it with a proof to the resource, which wants its own nonce too (§9).',
  request: { method: 'GET', target: DPOP_PATH },
} as const satisfies OAuthPreset;

export const OAUTH_PRESETS: readonly OAuthPreset[] = [OAUTH_PRESET, OAUTH_STEP_UP_PRESET, OAUTH_DPOP_PRESET];

export const findOAuthPreset = (id: string): OAuthPreset | undefined => OAUTH_PRESETS.find((preset) => preset.id === id);
export const isOAuthPreset = (id: string): boolean => findOAuthPreset(id) !== undefined;
