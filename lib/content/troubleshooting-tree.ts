// The troubleshooting decision tree of lesson 10: from what you see when a request fails to the cause,
// the fix and the RFC rule behind it. Plain data (no React, no Node) so the server can print it as an
// outline and the client can walk it; tests/lib/content/troubleshooting-tree.test.ts checks its shape.
// Text fields are plain text in which `backticks` mark inline code.
import { TROUBLE_CAUSES } from './troubleshooting-causes';
import type { QuestionNode, TroubleTree } from './troubleshooting-types';

export * from './troubleshooting-types';

const questions: QuestionNode[] = [
  {
    kind: 'question',
    id: 'status',
    prompt: 'What did the failing request get back?',
    hint: 'Read the status line: `curl -v` prints it after `<`, DevTools shows it in the Network panel.',
    answers: [
      { label: '401 Unauthorized', next: 'has-challenge' },
      { label: '403 Forbidden', next: 'forbidden-scope' },
      { label: '407 Proxy Authentication Required', next: 'proxy-407' },
      { label: '400 Bad Request', next: 'bad-request' },
      { label: 'A 5xx such as 500 or 503', next: 'server-error-5xx' },
      { label: 'No status: the browser console reports a CORS error', next: 'cors-preflight-401' },
      { label: '200, but with another user’s data or an old login state', next: 'cached-authenticated' },
    ],
  },
  {
    kind: 'question',
    id: 'has-challenge',
    prompt: 'Does the 401 carry a `WWW-Authenticate` header field?',
    answers: [
      { label: 'Yes, with at least one challenge', next: 'client-kind' },
      { label: 'No, there is no `WWW-Authenticate`', next: 'no-challenge' },
    ],
  },
  {
    kind: 'question',
    id: 'client-kind',
    prompt: 'What sent the request?',
    answers: [
      { label: 'A web page in a browser (fetch, a form, a link)', next: 'browser-which-request' },
      { label: 'curl, a script or a server-side client', next: 'sent-credentials' },
    ],
  },
  {
    kind: 'question',
    id: 'browser-which-request',
    prompt: 'In the DevTools Network panel, which request got the 401?',
    answers: [
      { label: 'An `OPTIONS` request (the CORS preflight) before the real one', next: 'cors-preflight-401' },
      { label: 'The request after a redirect to another origin', next: 'redirect-dropped-authorization' },
      { label: 'The request itself; the site logs in with a form and a session cookie', next: 'cookie-login' },
      { label: 'The request itself; it still fails after you logged in, marked “(disk cache)”', next: 'cached-401' },
      { label: 'The request itself, and you send an `Authorization` header', next: 'sent-credentials' },
    ],
  },
  {
    kind: 'question',
    id: 'sent-credentials',
    prompt: 'Did the request that got the 401 carry an `Authorization` header field?',
    hint: 'In `curl -v` output, request lines start with `>`. In DevTools, open the request and look under Request Headers.',
    answers: [
      { label: 'No', next: 'missing-credentials' },
      { label: 'Yes', next: 'scheme-match' },
    ],
  },
  {
    kind: 'question',
    id: 'scheme-match',
    prompt: 'Compare the scheme at the start of your `Authorization` with the schemes the `WWW-Authenticate` challenge offers.',
    answers: [
      { label: 'A different scheme (say you sent Basic, it offers only Bearer)', next: 'wrong-scheme' },
      { label: 'The same word in different letter case (`basic` and `Basic`)', next: 'lowercase-scheme' },
      { label: 'Exactly the same scheme', next: 'which-scheme' },
    ],
  },
  {
    kind: 'question',
    id: 'which-scheme',
    prompt: 'Which scheme are you answering?',
    answers: [
      { label: 'Bearer', next: 'bearer-error' },
      { label: 'Basic', next: 'basic-characters' },
      { label: 'Digest', next: 'digest-stale' },
    ],
  },
  {
    kind: 'question',
    id: 'bearer-error',
    prompt: 'What does the new Bearer challenge say in its `error` parameter?',
    answers: [
      { label: '`error="invalid_token"`', next: 'invalid-token' },
      { label: 'There is no `error` parameter', next: 'token-not-received' },
    ],
  },
  {
    kind: 'question',
    id: 'basic-characters',
    prompt: 'What is in the user name and password you send?',
    answers: [
      { label: 'Only ASCII letters, digits and punctuation, no colon in the user name', next: 'wrong-credentials' },
      { label: 'A colon (`:`) in the user name', next: 'user-id-colon' },
      { label: 'Non-ASCII characters such as `é`, `ö` or `£`', next: 'utf8-vs-latin1' },
    ],
  },
  {
    kind: 'question',
    id: 'digest-stale',
    prompt: 'Does the new Digest challenge say `stale=true`?',
    answers: [
      { label: 'Yes', next: 'digest-stale-nonce' },
      { label: 'No', next: 'wrong-credentials' },
    ],
  },
  {
    kind: 'question',
    id: 'bad-request',
    prompt: 'What does the 400 point at? Read its body and any `error` in `WWW-Authenticate`.',
    answers: [
      { label: 'The syntax of `Authorization`, or `error="invalid_request"`', next: 'malformed-400' },
      { label: 'Basic credentials whose bytes are not UTF-8', next: 'utf8-vs-latin1' },
    ],
  },
  {
    kind: 'question',
    id: 'forbidden-scope',
    prompt: 'Does the 403 carry `WWW-Authenticate` with `error="insufficient_scope"`?',
    answers: [
      { label: 'Yes', next: 'insufficient-scope' },
      { label: 'No', next: 'forbidden-by-role' },
    ],
  },
];

/** The whole tree: its questions, then its causes (import order keeps the outline readable). */
export const TROUBLESHOOTING_TREE: TroubleTree = { root: 'status', nodes: [...questions, ...TROUBLE_CAUSES] };
