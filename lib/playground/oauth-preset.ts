import { WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';

// The playground's one start that is not a sandbox scenario: the lab's OAuth-protected whoami, in oauth
// mode, so Send runs the whole chain from its 401 to a token and back (docs/oauth-server.md). Scenario
// presets (lib/sandbox/scenario/presets.ts) describe what the engine answers; this one describes what
// the client does, so it lives with the playground.

export const OAUTH_PRESET = {
  id: 'oauth-discovery',
  // No status code in the title: every playground page has it in a hidden <option>, and journeys find statuses by their text.
  title: 'OAuth: discovery, sign-in and a token for whoami',
  summary:
    'GET whoami answers 401 with resource_metadata. The client follows it to the resource’s metadata (RFC 9728), the authorization server’s (RFC 8414), registers (RFC 7591), sends you to the consent page to sign in, trades the code and its PKCE verifier for a token for this resource (RFC 7636, RFC 8707), and retries.',
  request: { method: 'GET', target: WHOAMI_PATH },
} as const;

export const isOAuthPreset = (id: string): boolean => id === OAUTH_PRESET.id;
