// The consent form coming back (POST to the authorization endpoint, no JavaScript needed): the request
// it carries is decided again from scratch (authorization-request.ts), so nothing the browser sends is
// trusted for having been on the page; then the lab's user signs in and allows or denies.
import { authorizationErrorRedirect } from '@/lib/oauth/oauth-error';
import { issueCode } from './authorization-code';
import { signIn, type LabUser } from './sign-in';
import { decideAuthorization, type AuthorizationDecision, type AuthorizationRequest, type AuthorizationSettings } from './authorization-request';

export type { LabUser } from './sign-in';

export type ConsentOutcome = AuthorizationDecision | { kind: 'consent-again'; request: AuthorizationRequest; problem: string };

export async function decideConsent(
  form: URLSearchParams,
  settings: AuthorizationSettings,
  options: { secret: Uint8Array; now: number; random: (length: number) => Uint8Array; users: readonly LabUser[] },
): Promise<ConsentOutcome> {
  // The form's own fields are not authorization parameters: decide on the rest, as the GET did.
  const carried = new URLSearchParams([...form].filter(([name]) => !['username', 'password', 'otp', 'decision'].includes(name)));
  const decision = await decideAuthorization(carried, settings, options);
  if (decision.kind !== 'consent') return decision;
  const { request } = decision;
  const choice = form.get('decision');
  if (choice === 'deny') {
    return {
      kind: 'redirect',
      location: authorizationErrorRedirect(
        request.redirectUri,
        { error: 'access_denied', description: 'The user denied the request.' },
        request.state,
        settings.issuer,
      ),
    };
  }
  if (choice !== 'allow') return { kind: 'consent-again', request, problem: 'Choose Allow or Deny.' };
  const outcome = signIn(form, request.acrValues, options);
  if (outcome.kind === 'refused') return { kind: 'consent-again', request, problem: outcome.problem };
  const { user, acr, authTime } = outcome.signIn;
  const code = await issueCode(
    {
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      resource: request.resource,
      scope: request.scope,
      subject: user.name,
      acr,
      authTime,
    },
    options,
  );
  // RFC 6749 §4.1.2: code and state on the redirect URI; RFC 9207 §2: and the issuer.
  const location = new URL(request.redirectUri);
  location.searchParams.set('code', code);
  if (request.state !== undefined) location.searchParams.set('state', request.state);
  location.searchParams.set('iss', settings.issuer);
  return { kind: 'redirect', location: location.toString() };
}
