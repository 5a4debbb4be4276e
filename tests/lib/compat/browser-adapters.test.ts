// How the matrix's browser columns (scripts/compat/clients/chromium.ts, firefox-esr.ts) play a user: which
// request a page makes for a case (page-request.ts), and how the login dialog is answered (dialog.ts).
// The browsers themselves are run by tests/http/compat-results.test.ts against the committed verdicts.
import type { LabCase } from '@/scripts/compat/adapter';
import { dialogUser, type Dialog } from '@/scripts/compat/dialog';
import { fetchScript, pageRequest } from '@/scripts/compat/page-request';

const lab = { origin: 'http://localhost:3000' };
const ALICE = { username: 'alice', password: 'wonderland' };
const labCase = (id: string, request: LabCase['request'], credentials: LabCase['credentials'] = ALICE): LabCase => ({
  id,
  url: `${lab.origin}/api/sandbox/runs/r/cases/${id}`,
  credentials,
  request,
});

const server: Dialog = { source: 'Server', origin: lab.origin, scheme: 'Basic', realm: 'compat@lab' };
const proxy: Dialog = { source: 'Proxy', origin: lab.origin, scheme: 'Digest', realm: 'proxy@lab' };

describe('the request a page makes', () => {
  test('a plain GET is a navigation, so the browser alone handles the challenge', () => {
    const c = labCase('basic-plain', { method: 'GET' });
    expect(pageRequest(c, lab)).toEqual({ kind: 'navigation', url: c.url });
  });

  test('a POST with a body is a fetch with credentials from a page on the lab’s origin, without an Authorization of its own', () => {
    const c = labCase('digest-auth-int-body', { method: 'POST', body: 'name=alice' });
    const request = pageRequest(c, lab);
    expect(request).toEqual({ kind: 'fetch', url: c.url, init: { method: 'POST', body: 'name=alice', headers: {} }, from: `${lab.origin}/robots.txt` });
    if (request.kind !== 'fetch') throw new Error('not a fetch');
    expect(fetchScript(request)).toContain(`"credentials":"include"`);
  });

  test('a token is sent by the page’s script as Bearer, which no login dialog can send', () => {
    const request = pageRequest(labCase('bearer-plain', { method: 'GET' }, { ...ALICE, token: 'compat-token-alice' }), lab);
    expect(request).toMatchObject({ kind: 'fetch', init: { method: 'GET', headers: { Authorization: 'Bearer compat-token-alice' } } });
  });
});

describe('the login dialog', () => {
  test('each dialog gets the password, once more if it comes back, and is cancelled the third time', () => {
    const user = dialogUser(labCase('escaped-quote-in-realm', { method: 'GET' }));
    expect([user.answer(server), user.answer(server), user.answer(server)].map((a) => a.kind)).toEqual(['provide', 'provide', 'cancel']);
    expect(user.words()).toBe(
      'Login dialog: the server asked (Basic realm "compat@lab"): answered; the server asked (Basic realm "compat@lab"): answered; the server asked (Basic realm "compat@lab"): cancelled.',
    );
  });

  test('the proxy’s dialog and the origin’s are two dialogs: answering one does not use up the other', () => {
    const user = dialogUser(labCase('proxy-digest-then-origin-basic', { method: 'GET' }));
    expect(user.answer(proxy)).toEqual({ kind: 'provide', ...ALICE });
    expect(user.answer(server)).toEqual({ kind: 'provide', ...ALICE });
    expect(user.answer(proxy)).toEqual({ kind: 'provide', ...ALICE });
  });

  test('a case with a token has no password to type: every dialog is cancelled', () => {
    const user = dialogUser(labCase('bearer-and-basic', { method: 'GET' }, { ...ALICE, token: 'compat-token-alice' }));
    expect(user.answer(server)).toEqual({ kind: 'cancel' });
  });

  test('no dialog is said so', () => expect(dialogUser(labCase('no-challenge', { method: 'GET' })).words()).toBe('No login dialog.'));
});
