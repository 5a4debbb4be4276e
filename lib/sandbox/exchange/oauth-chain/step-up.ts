// The retry's 401 that is not about the token but about the sign-in behind it: RFC 9470 §3's
// error="insufficient_user_authentication", with the acr_values and max_age the resource wants. The client
// does not give up on it: it asks again (§4), with exactly those values.
import { getParam, parseChallenges } from '@/lib/http-auth';
import { headerValues, type SandboxResponse } from '../../message';
import type { StepUpRequest } from './authorization';

export const INSUFFICIENT_USER_AUTHENTICATION = 'insufficient_user_authentication';

/** The step-up the Bearer challenge asks for, or undefined when the 401 is about something else. */
export function readStepUpChallenge(response: SandboxResponse): StepUpRequest | undefined {
  if (response.status !== 401) return undefined;
  const parsed = parseChallenges(headerValues(response.headers, 'WWW-Authenticate'));
  if (!parsed.ok) return undefined;
  const bearer = parsed.value.find(
    (challenge) => challenge.scheme.toLowerCase() === 'bearer' && getParam(challenge.params, 'error') === INSUFFICIENT_USER_AUTHENTICATION,
  );
  if (!bearer) return undefined;
  const acrValues = (getParam(bearer.params, 'acr_values') ?? '').split(' ').filter(Boolean);
  // §3: max_age is a number of seconds; anything else is ignored rather than sent on.
  const rawMaxAge = getParam(bearer.params, 'max_age');
  const maxAge = rawMaxAge !== undefined && /^\d{1,9}$/.test(rawMaxAge) ? Number(rawMaxAge) : undefined;
  return { acrValues, maxAge };
}

/** What the client says about the step-up it is about to run. */
export function stepUpExplanation(stepUp: StepUpRequest): string {
  const asked = [
    stepUp.acrValues.length > 0 ? `acr_values="${stepUp.acrValues.join(' ')}" (how the user must sign in)` : undefined,
    stepUp.maxAge === undefined ? undefined : `max_age="${stepUp.maxAge}" (a sign-in at most ${stepUp.maxAge} s old)`,
  ].filter(Boolean);
  return `401 with error="${INSUFFICIENT_USER_AUTHENTICATION}": the token is valid, but the sign-in behind it is not strong or fresh enough for this resource (RFC 9470 §3). The challenge says what would do${asked.length > 0 ? `: ${asked.join(' and ')}` : ''}. The client does not stop: it sends the browser to the authorization endpoint again with those values (RFC 9470 §4), a new state and PKCE verifier, and the same client_id.`;
}
