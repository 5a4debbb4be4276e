/** @jest-environment node */
import { fromHtml } from 'hast-util-from-html';
import { s256Challenge } from '@/lib/oauth/pkce';
import { decideAuthorization } from '@/lib/sandbox/oauth/authorization-request';
import { registerClient } from '@/lib/sandbox/oauth/client-registration';
import { decideConsent } from '@/lib/sandbox/oauth/consent';
import { authorizationErrorPage, consentPage } from '@/lib/sandbox/oauth/consent-page';
import { selectAll } from '../export/support/select';

const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const settings = { issuer: 'https://lab.example/api/sandbox/oauth', resources: ['https://lab.example/api/sandbox/oauth/whoami'], scopes: ['whoami'] };

async function verifiedRequest(clientName: string, extra: Record<string, string> = {}) {
  const registration = await registerClient({ redirect_uris: ['http://127.0.0.1/callback'], client_name: clientName }, { secret, now: NOW });
  if (registration.kind !== 'registered') throw new Error('refused');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: String(registration.body.client_id),
    redirect_uri: 'http://127.0.0.1:4000/callback',
    state: '"><script>alert(1)</script>',
    scope: 'whoami',
    resource: 'https://lab.example/api/sandbox/oauth/whoami',
    code_challenge: s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    code_challenge_method: 'S256',
    ...extra,
  });
  const decision = await decideAuthorization(query, settings, { secret, now: NOW });
  if (decision.kind !== 'consent') throw new Error(decision.kind);
  return decision.request;
}

describe('the consent page', () => {
  test('names the client, resource, scope and return address, escaped; every field has a label', async () => {
    const request = await verifiedRequest('<img src=x onerror=alert(1)>');
    const html = consentPage(request, '/api/sandbox/oauth/authorize');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)');
    const tree = fromHtml(html);
    expect(selectAll(tree, 'h1').map((node) => node.text)).toEqual(['Allow access?']);
    expect(selectAll(tree, 'strong')[0]?.text).toBe('<img src=x onerror=alert(1)>');
    const labels = selectAll(tree, 'label').map((node) => node.attributes.for);
    const inputs = selectAll(tree, 'input').filter((node) => node.attributes.type !== 'hidden');
    expect(inputs.map((node) => node.attributes.id)).toEqual(labels);
    expect(selectAll(tree, 'button').map((node) => [node.text, node.attributes.value])).toEqual([
      ['Allow', 'allow'],
      ['Deny', 'deny'],
    ]);
    expect(selectAll(tree, '[role=alert]')).toEqual([]);
    expect(selectAll(tree, 'html')[0]?.attributes.lang).toBe('en');
  });

  test('its hidden fields carry the request back whole: the returned form decides to a code for the same redirect URI and state', async () => {
    const request = await verifiedRequest('Inspector');
    const tree = fromHtml(consentPage(request, '/api/sandbox/oauth/authorize'));
    const form = new URLSearchParams(
      selectAll(tree, 'input')
        .filter((node) => node.attributes.type === 'hidden')
        .map((node) => [node.attributes.name ?? '', node.attributes.value ?? '']),
    );
    form.set('username', 'alice');
    form.set('password', 'wonderland');
    form.set('decision', 'allow');
    const outcome = await decideConsent(form, settings, {
      secret,
      now: NOW,
      random: (n) => new Uint8Array(n).fill(3),
      users: [{ name: 'alice', password: 'wonderland' }],
    });
    expect(outcome.kind).toBe('redirect');
    const location = new URL(outcome.kind === 'redirect' ? outcome.location : 'x:');
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:4000/callback');
    expect(location.searchParams.get('state')).toBe('"><script>alert(1)</script>');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  test('a step-up request (acr_values=mfa, max_age): a labelled one-time code field, the code shown, both carried back', async () => {
    const plain = fromHtml(consentPage(await verifiedRequest('Inspector'), '/authorize'));
    expect(selectAll(plain, '[id=otp]')).toEqual([]);
    const tree = fromHtml(consentPage(await verifiedRequest('Inspector', { acr_values: 'mfa', max_age: '120' }), '/authorize'));
    const labels = selectAll(tree, 'label').map((node) => [node.attributes.for, node.text]);
    expect(labels).toContainEqual(['otp', 'One-time code']);
    expect(selectAll(tree, '[id=otp]')[0]?.attributes.autocomplete).toBe('one-time-code');
    expect(selectAll(tree, '[id=otp-note]')[0]?.text).toContain('246810');
    const hidden = Object.fromEntries(
      selectAll(tree, 'input')
        .filter((node) => node.attributes.type === 'hidden')
        .map((node) => [node.attributes.name, node.attributes.value]),
    );
    expect(hidden).toMatchObject({ acr_values: 'mfa', max_age: '120' });
    expect(selectAll(tree, 'dd').map((node) => node.text)).toContain('afresh: the client accepts one at most 120 s old (max_age)');
  });

  test('a failed sign-in is announced first, as an alert, in words', async () => {
    const request = await verifiedRequest('Inspector');
    const tree = fromHtml(consentPage(request, '/authorize', 'That user name and password do not match a lab user.'));
    expect(selectAll(tree, '[role=alert]').map((node) => node.text)).toEqual(['Not signed in: That user name and password do not match a lab user.']);
  });

  test('the error page shows the reason and links nowhere', () => {
    const tree = fromHtml(authorizationErrorPage('redirect_uri https://evil.example/cb is not one this client registered'));
    expect(selectAll(tree, '[role=alert]')[0]?.text).toContain('https://evil.example/cb');
    expect(selectAll(tree, 'a')).toEqual([]);
    expect(selectAll(tree, 'form')).toEqual([]);
  });
});
