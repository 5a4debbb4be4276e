// The authorization endpoint's page: sign in as a lab user and allow or deny, in plain HTML that works
// without JavaScript (a form POST back to the endpoint), with its own small stylesheet in light and dark.
// Every value written into it is escaped; the request travels in hidden fields and is decided again when
// the form comes back (consent.ts), so editing them gains nothing.
import type { AuthorizationRequest } from './authorization-request';
import { LAB_ONE_TIME_CODE, MFA_ACR } from './sign-in';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --accent: #0550ae; --danger: #a40e26; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #3d444d; --accent: #6cb6ff; --danger: #ff8182; } }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
label { display: block; margin-top: .75rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: .375rem; }
.actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
button { font: inherit; padding: .5rem 1rem; border-radius: .375rem; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
button[value=allow] { background: var(--accent); border-color: var(--accent); color: var(--bg); font-weight: 600; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.problem { border: 2px solid var(--danger); padding: .5rem .75rem; border-radius: .375rem; }
.note { color: var(--muted); font-size: .875rem; }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(title)} · HTTP Auth Lab</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The hidden fields that carry the authorization request back (RFC 6749 §4.1.1's parameters). */
function carried(request: AuthorizationRequest): string {
  const fields: [string, string | undefined][] = [
    ['response_type', 'code'],
    ['client_id', request.client.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
    ['scope', request.scope.join(' ')],
    ['resource', request.resource],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['acr_values', request.acrValues.join(' ')],
    ['max_age', request.maxAge === undefined ? undefined : String(request.maxAge)],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('\n');
}

/**
 * The second factor, when the client asked for acr mfa (RFC 9470 §4): a one-time code field. A real service
 * would send the code to the user's phone or authenticator; the lab shows it, since it is about HTTP, not MFA.
 */
function secondFactor(request: AuthorizationRequest): string {
  if (!request.acrValues.includes(MFA_ACR)) return '';
  return `<label for="otp">One-time code</label>
<input type="text" id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" aria-describedby="otp-note">
<p class="note" id="otp-note">The client asked for a two-factor sign-in (acr_values=${MFA_ACR}, RFC 9470). In the lab the code is always <strong>${LAB_ONE_TIME_CODE}</strong>.</p>`;
}

/** The sign-in and consent page; `problem` (a failed sign-in) is announced first. */
export function consentPage(request: AuthorizationRequest, action: string, problem?: string): string {
  const who = request.client.clientName ?? 'An unnamed client';
  const scope = request.scope.length > 0 ? request.scope.join(' ') : '(none asked for)';
  return page(
    'Allow access?',
    `<h1>Allow access?</h1>
${problem ? `<p class="problem" role="alert"><strong>Not signed in:</strong> ${escape(problem)}</p>` : ''}
<p><strong>${escape(who)}</strong> asks for a token to use on your behalf.</p>
<dl>
<dt>Resource</dt><dd>${escape(request.resource)}</dd>
<dt>Scope</dt><dd>${escape(scope)}</dd>
<dt>Returns to</dt><dd>${escape(request.redirectUri)}</dd>
${request.maxAge === undefined ? '' : `<dt>Sign-in</dt><dd>afresh: the client accepts one at most ${request.maxAge} s old (max_age)</dd>`}
</dl>
<form method="post" action="${escape(action)}">
${carried(request)}
<label for="username">User name</label>
<input type="text" id="username" name="username" autocomplete="username" required>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">
${secondFactor(request)}
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</div>
</form>
<p class="note">This is the HTTP Auth Lab's own authorization server: sign in as a lab user, alice / wonderland or bob / builder. No real account is involved, and nothing is stored.</p>`,
  );
}

/** The page for a request that cannot be sent back to its client (unknown client, unregistered redirect URI). */
export function authorizationErrorPage(description: string): string {
  return page(
    'Authorization request refused',
    `<h1>Authorization request refused</h1>
<p class="problem" role="alert">${escape(description)}</p>
<p class="note">The lab shows this here instead of redirecting, because it could not verify where to send you (RFC 9700 §4.11).</p>`,
  );
}
