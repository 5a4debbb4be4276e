import { fetchRetryingOnce } from './fetch-retry';

// Submitting the lab's consent page the way a browser would: read its hidden fields (the authorization
// request rides in them), add the user's answers, POST the form back, and do not follow the redirect so the
// test can read where it goes.

/** The consent form's hidden fields, read from the page the authorization endpoint returned. */
export function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(
      name ?? '',
      (value ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
  }
  return form;
}

/** Posts the page's form back to `action` with `fields` (username, password, decision) added. */
export async function submitConsent(action: string | URL, html: string, fields: Record<string, string>): Promise<Response> {
  const form = hiddenFields(html);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return fetchRetryingOnce(action, { method: 'POST', body: form, redirect: 'manual' });
}
