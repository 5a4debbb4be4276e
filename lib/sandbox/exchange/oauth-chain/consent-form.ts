// The browser's side of the consent page: the form it was shown, submitted with what the learner typed.
// A browser posts the page's own hidden fields back, so the chain reads them from the page rather than
// rebuilding them; the page is the lab's (lib/sandbox/oauth/consent-page.ts), written with one
// attribute order and every value escaped, which is all this small reader has to undo.

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The page's one-time code field, present when the client asked for acr mfa (RFC 9470 §4). `shown` is the code
 * the lab prints on the page (a real service would send it to the user's phone); a browser user reads it there.
 */
export type OneTimeCodeField = { shown: string | undefined };
export type ConsentForm = { action: string; fields: [string, string][]; oneTimeCode?: OneTimeCodeField };

/** The page's form: where it posts and its hidden fields; undefined when the page has no form (an error page). */
export function readConsentForm(html: string): ConsentForm | undefined {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) return undefined;
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    ([, name, value]) => [unescape(name ?? ''), unescape(value ?? '')] as [string, string],
  );
  const hasCode = /<input type="text" id="otp" name="otp"/.test(html);
  const shown = /id="otp-note">[\s\S]*?<strong>([^<]*)<\/strong>/.exec(html)?.[1];
  return { action: unescape(action), fields, ...(hasCode ? { oneTimeCode: { shown: shown === undefined ? undefined : unescape(shown) } } : {}) };
}

/** The sentence the page announces (role="alert"): why a sign-in failed, or why the request was refused. */
export function pageProblem(html: string): string | undefined {
  const text = /<p class="problem" role="alert">([\s\S]*?)<\/p>/.exec(html)?.[1];
  return text === undefined ? undefined : unescape(text.replace(/<[^>]*>/g, '')).trim();
}
