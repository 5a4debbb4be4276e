// The OAuth lessons (13, 14) print the lab's discovery documents and its whoami challenge as the reader's
// curl gets them. Those are the lab's answers, not prose: when the lab's documents change (a member added,
// a scope renamed), the lessons must change with them, so each printed copy is compared with what the
// lab's router answers for the lessons' origin.
import path from 'node:path';
import { decodeJwt } from 'jose';
import { LESSONS_DIR } from '@/lib/content/lessons';
import { issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { issuerFor, resourceFor } from '@/lib/sandbox/oauth/lab-metadata';
import { createSandboxContext } from '@/lib/sandbox/context';
import { firstHeader } from '@/lib/sandbox/message';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { readCheckedLesson } from './support/checked-lesson';
import { LESSON_ORIGIN } from './support/checks';

const lesson = readCheckedLesson(path.join(LESSONS_DIR, '13-where-do-i-get-a-token.mdx'));
const codeFlowLesson = readCheckedLesson(path.join(LESSONS_DIR, '14-authorization-code-pkce-and-mcp.mdx'));

/** What the lab answers a GET of `target` on the lessons' origin (its documents name the Host's origin). */
async function labGet(target: string) {
  const ctx = createSandboxContext({ secret: new Uint8Array(32) });
  const host = new URL(LESSON_ORIGIN).host;
  const { response } = await routeSandboxRequest({ method: 'GET', target, headers: [['Host', host]], body: new Uint8Array() }, ctx);
  return response;
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
  test("the claims: the same names as the lab's RFC 9068 token, and iss and aud for the lessons' origin", async () => {
    const printed = printedDocument("The access token's claims", codeFlowLesson) as Record<string, unknown>;
    const token = await issueAccessToken(
      { issuer: issuerFor(LESSON_ORIGIN), resource: resourceFor(LESSON_ORIGIN), subject: 'alice', clientId: 'c', scope: ['whoami'], lifetimeSeconds: 300 },
      { secret: new Uint8Array(32), now: Date.now(), random: (length) => new Uint8Array(length) },
    );
    const issued = decodeJwt(token);
    expect(Object.keys(printed).sort()).toEqual(Object.keys(issued).sort());
    expect({ iss: printed.iss, aud: printed.aud, scope: printed.scope }).toEqual({ iss: issued.iss, aud: issued.aud, scope: issued.scope });
  });
});
