// The OAuth lessons (13 to 16) print the lab's discovery documents, its challenges and its tokens' claims
// as the reader's curl gets them. Those are the lab's answers, not prose: when the lab's documents change (a member added,
// a scope renamed), the lessons must change with them, so each printed copy is compared with what the
// lab's router answers for the lessons' origin.
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { createDpopProof, jwkThumbprint } from '@/lib/http-auth';
import { LESSONS_DIR } from '@/lib/content/lessons';
import { issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { DPOP_PATH, issuerFor, resourceFor, TRANSFER_PATH, WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { createSandboxContext } from '@/lib/sandbox/context';
import { firstHeader } from '@/lib/sandbox/message';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { readCheckedLesson } from './support/checked-lesson';
import { LESSON_ORIGIN } from './support/checks';

const lesson = readCheckedLesson(path.join(LESSONS_DIR, '13-where-do-i-get-a-token.mdx'));
const codeFlowLesson = readCheckedLesson(path.join(LESSONS_DIR, '14-authorization-code-pkce-and-mcp.mdx'));
const stepUpLesson = readCheckedLesson(path.join(LESSONS_DIR, '15-step-up-authentication.mdx'));
const dpopLesson = readCheckedLesson(path.join(LESSONS_DIR, '16-dpop-bound-tokens.mdx'));
const SECRET = new Uint8Array(32);

/** What the lab answers a request for `target` on the lessons' origin (its documents name the Host's origin). */
async function labAnswer(method: string, target: string, headers: [string, string][] = []) {
  const ctx = createSandboxContext({ secret: SECRET });
  const host = new URL(LESSON_ORIGIN).host;
  const { response } = await routeSandboxRequest({ method, target, headers: [['Host', host], ...headers], body: new Uint8Array() }, ctx);
  return response;
}
const labGet = (target: string) => labAnswer('GET', target);

/** An access token the lab's code flow would issue to alice for `path`, signed in with `acr`. */
function labToken(path: string, scope: string, extra: { acr: string; jkt?: string }) {
  return issueAccessToken(
    {
      issuer: issuerFor(LESSON_ORIGIN),
      resource: resourceFor(LESSON_ORIGIN, path),
      subject: 'alice',
      clientId: 'c',
      scope: [scope],
      lifetimeSeconds: 300,
      authTime: Math.floor(Date.now() / 1000),
      ...extra,
    },
    { secret: SECRET, now: Date.now(), random: (length) => new Uint8Array(length) },
  );
}

/** The status, `WWW-Authenticate` and `Content-Type` lines of the lesson's ```http block whose title starts with `title`. */
function printedChallenge(from: typeof lesson, title: string): string[] {
  const fences = from.model.fences.filter((fence) => fence.lang === 'http' && fence.meta.title?.startsWith(title));
  expect(fences).toHaveLength(1);
  return (fences[0]?.code ?? '').split('\n').filter((line) => /^(HTTP\/1\.1 |WWW-Authenticate: |Content-Type: )/.test(line));
}

/** The same lines of the lab's answer. */
const answerLines = (response: { status: number; headers: [string, string][] }) => [
  `HTTP/1.1 ${response.status} Unauthorized`,
  `WWW-Authenticate: ${firstHeader(response.headers, 'WWW-Authenticate')}`,
  `Content-Type: ${firstHeader(response.headers, 'Content-Type')}`,
];

/** The printed claims have the issued token's names, and the values the lesson's prose relies on. */
function expectSameClaims(printed: Record<string, unknown>, issued: Record<string, unknown>, names: string[]) {
  expect(Object.keys(printed).sort()).toEqual(Object.keys(issued).sort());
  expect(Object.fromEntries(names.map((name) => [name, printed[name]]))).toEqual(Object.fromEntries(names.map((name) => [name, issued[name]])));
}

/** The lesson's ```json block whose title starts with `title`, parsed. */
function printedDocument(title: string, from = lesson): unknown {
  const fences = from.model.fences.filter((fence) => fence.lang === 'json' && fence.meta.title?.startsWith(title));
  expect(fences).toHaveLength(1);
  return JSON.parse(fences[0]?.code ?? '');
}

describe('lesson 13 prints what the lab serves', () => {
  test.each([
    ['Protected resource metadata', '/.well-known/oauth-protected-resource/api/sandbox/oauth/whoami'],
    ['Authorization server metadata', '/.well-known/oauth-authorization-server/api/sandbox/oauth'],
  ])('%s: the printed document is the one at %s', async (title, target) => {
    const response = await labGet(target);
    expect(response.status).toBe(200);
    expect(printedDocument(title)).toEqual(JSON.parse(response.body));
  });

  test("whoami's challenge: the http block shows the WWW-Authenticate the lab sends without a token", async () => {
    const response = await labGet('/api/sandbox/oauth/whoami');
    expect(response.status).toBe(401);
    const challenge = firstHeader(response.headers, 'WWW-Authenticate');
    const block = lesson.model.fences.find((fence) => fence.lang === 'http' && fence.code.startsWith('HTTP/1.1 401'));
    expect(block?.code.split('\n')).toContain(`WWW-Authenticate: ${challenge}`);
  });
});

describe('lesson 14 prints an access token the lab would issue', () => {
  test("the claims: the same names as the lab's RFC 9068 token from a password sign-in, and iss and aud for the lessons' origin", async () => {
    const printed = printedDocument("The access token's claims", codeFlowLesson) as Record<string, unknown>;
    const issued = decodeJwt(await labToken(WHOAMI_PATH, 'whoami', { acr: 'password' }));
    expectSameClaims(printed, issued, ['iss', 'aud', 'scope', 'acr']);
  });
});

describe('lesson 15 prints the step-up challenge and token the lab gives', () => {
  test('a password-only token at the transfer: the http block shows the WWW-Authenticate the lab sends', async () => {
    const token = await labToken(TRANSFER_PATH, 'transfer', { acr: 'password' });
    const response = await labAnswer('POST', TRANSFER_PATH, [['Authorization', `Bearer ${token}`]]);
    expect(response.status).toBe(401);
    expect(printedChallenge(stepUpLesson, 'The step-up challenge')).toEqual(answerLines(response));
  });

  test("the stepped-up token's claims: the lab's names, acr mfa, and the transfer's audience", async () => {
    const printed = printedDocument("The stepped-up access token's claims", stepUpLesson) as Record<string, unknown>;
    const issued = decodeJwt(await labToken(TRANSFER_PATH, 'transfer', { acr: 'mfa' }));
    expectSameClaims(printed, issued, ['iss', 'aud', 'scope', 'acr']);
  });
});

describe('lesson 16 prints the DPoP challenge and bound token the lab gives', () => {
  test('the DPoP resource without a token: the http block shows its WWW-Authenticate', async () => {
    const response = await labGet(DPOP_PATH);
    expect(response.status).toBe(401);
    expect(printedChallenge(dpopLesson, 'The DPoP challenge')).toEqual(answerLines(response));
  });

  test("the bound token's claims: the lab's names, with cnf.jkt, for the DPoP resource", async () => {
    const printed = printedDocument("A DPoP-bound access token's claims", dpopLesson) as Record<string, unknown>;
    const { publicKey } = await generateKeyPair('ES256');
    const jkt = await jwkThumbprint(await exportJWK(publicKey));
    const issued = decodeJwt(await labToken(DPOP_PATH, 'whoami', { acr: 'password', jkt }));
    expectSameClaims(printed, issued, ['iss', 'aud', 'scope', 'acr']);
    expect(Object.keys(printed.cnf as object)).toEqual(['jkt']);
    expect((printed.cnf as { jkt: string }).jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test("the printed proof: a real proof's header and claim names, for the DPoP resource, signed by the key the printed token is bound to", async () => {
    const header = printedDocument("A DPoP proof's header", dpopLesson) as { jwk: Record<string, string> };
    const claims = printedDocument('Its claims', dpopLesson) as Record<string, unknown>;
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const proof = await createDpopProof({
      privateKey,
      publicJwk: await exportJWK(publicKey),
      alg: 'ES256',
      htm: 'GET',
      htu: resourceFor(LESSON_ORIGIN, DPOP_PATH),
      nonce: 'n',
      accessToken: 't',
    });
    expect(Object.keys(header).sort()).toEqual(Object.keys(decodeProtectedHeader(proof)).sort());
    expect(Object.keys(claims).sort()).toEqual(Object.keys(decodeJwt(proof)).sort());
    expect({ htm: claims.htm, htu: claims.htu }).toEqual({ htm: 'GET', htu: resourceFor(LESSON_ORIGIN, DPOP_PATH) });
    const token = printedDocument("A DPoP-bound access token's claims", dpopLesson) as { cnf: { jkt: string } };
    expect(await jwkThumbprint(header.jwk)).toBe(token.cnf.jkt);
  });
});
