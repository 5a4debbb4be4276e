import type { Transcript } from '@/lib/sandbox/exchange/input';

// What an oauth-mode transcript carried that the PKCE helper and the token view show: read back from the
// messages themselves (the authorization request's query, the token request's form, the token response),
// so what the learner inspects is exactly what crossed the wire.

export type OAuthRunSecrets = {
  /** code_challenge of the authorization request (RFC 7636 §4.3), and its step number. */
  challenge?: { value: string; step: number };
  /** code_verifier of the token request (RFC 7636 §4.5), and its step number. */
  verifier?: { value: string; step: number };
  /** The access token the token endpoint issued (RFC 6749 §5.1). */
  accessToken?: string;
};

function queryOf(target: string): URLSearchParams {
  const index = target.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : target.slice(index + 1));
}

export function oauthRunSecrets(transcript: Transcript): OAuthRunSecrets {
  const secrets: OAuthRunSecrets = {};
  transcript.steps.forEach((step, index) => {
    const challenge = step.request.method === 'GET' ? queryOf(step.request.target).get('code_challenge') : null;
    if (challenge) secrets.challenge = { value: challenge, step: index + 1 };
    const form = step.request.method === 'POST' ? new URLSearchParams(step.request.body) : undefined;
    const verifier = form?.get('grant_type') === 'authorization_code' ? form.get('code_verifier') : null;
    if (!verifier) return;
    secrets.verifier = { value: verifier, step: index + 1 };
    try {
      const body = JSON.parse(step.response.body) as { access_token?: unknown };
      if (step.response.status === 200 && typeof body.access_token === 'string') secrets.accessToken = body.access_token;
    } catch {
      // A refusal that is not JSON: no token, nothing to show.
    }
  });
  return secrets;
}
