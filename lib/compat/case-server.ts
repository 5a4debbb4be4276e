import { digestAuthenticationInfo, formatAuthInfo } from '@/lib/http-auth';
import type { SandboxContext } from '@/lib/sandbox/context';
import { headerValues, splitTarget, type SandboxRequest, type SandboxResponse } from '@/lib/sandbox/message';
import { checkCaseCredentials, type CredentialsResult } from './case-credentials';
import { issueCaseNonce, type NonceIssue } from './case-nonce';
import { badRequest, challengeResponse, fillLines, grantedResponse, isSafeHead, offeredChallenges, redirectResponse } from './case-responses';
import type { CompatCase } from './case-schema';
import { reportedFields } from './request-fields';
import { CASE_LEGS, type CaseLeg, type CaseObservation, type CaseOutcome, type CaseCredentialsField } from './observation';

// The lab's side of a compatibility case, as a pure async function: given one request a client sent for
// the case, the response the lab sends and an observation of what the request carried. It keeps nothing
// between requests: nonces are signed and say why they were issued (case-nonce.ts), the leg of the
// conversation is in the request-target (`?leg=redirected`, `?leg=next`, set by the lab's own redirects),
// and NTLM's handshake lives beside the request's connection, as in the engine. Bad input is a 400
// problem, never a throw.

/** The lab's two origins: where the case is served, and the other origin a cross-origin redirect goes to. */
export type CaseWhere = { origin: string; otherOrigin: string };
export type CaseAnswer = { response: SandboxResponse; observation: CaseObservation };

const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,16}$/;
/** origin-form with visible ASCII only: the path is reflected into Location. */
const TARGET = /^\/[\x21-\x7e]{0,2047}$/;
const MAX_CREDENTIALS_LENGTH = 16_384;

type Request = { compatCase: CompatCase; request: SandboxRequest; ctx: SandboxContext; where: CaseWhere; leg: CaseLeg; path: string };
type Checked = { authorization?: CredentialsResult; proxyAuthorization?: CredentialsResult };
type Answer = { response: SandboxResponse; outcome: CaseOutcome; note: string };

function readLeg(compatCase: CompatCase, query: URLSearchParams): CaseLeg | undefined {
  const leg = query.get('leg') ?? 'first';
  if (!(CASE_LEGS as readonly string[]).includes(leg)) return undefined;
  const kind = compatCase.flow.kind;
  if (leg === 'redirected' && kind !== 'redirect-same-origin' && kind !== 'redirect-cross-origin') return undefined;
  if (leg === 'next' && kind !== 'nextnonce') return undefined;
  return leg as CaseLeg;
}

/** A credentials field as read: absent, unreadable as a whole (two lines, too long), or checked. */
type FieldRead = { kind: 'absent' } | { kind: 'unreadable'; detail: string } | { kind: 'checked'; result: CredentialsResult };

async function checkField(r: Request, field: CaseCredentialsField, lines: readonly string[] | undefined): Promise<FieldRead> {
  const values = headerValues(r.request.headers, field);
  if (values.length === 0 || lines === undefined) return { kind: 'absent' };
  // RFC 9110 §11.6.2, §11.7.2: one credentials per field; two lines cannot be one list.
  if (values.length > 1) return { kind: 'unreadable', detail: `The request carries ${values.length} ${field} field lines; send one (RFC 9110 §11.6.2).` };
  const fieldValue = values[0] ?? '';
  if (fieldValue.length > MAX_CREDENTIALS_LENGTH)
    return { kind: 'unreadable', detail: `${field} is longer than the lab reads (${MAX_CREDENTIALS_LENGTH} characters).` };
  const offered = offeredChallenges(lines);
  return { kind: 'checked', result: await checkCaseCredentials({ compatCase: r.compatCase, field, fieldValue, offered, request: r.request, ctx: r.ctx }) };
}

const resultOf = (read: FieldRead) => (read.kind === 'checked' ? read.result : undefined);

/** 400 for a field the lab cannot read, or whose credentials are malformed rather than wrong (recorded all the same). */
function badField(reads: readonly [CaseCredentialsField, FieldRead][]): string | undefined {
  for (const [field, read] of reads) {
    if (read.kind === 'unreadable') return read.detail;
    const check = read.kind === 'checked' && read.result.malformed ? read.result.sent.check : undefined;
    if (check) return `${field} is malformed: ${check.kind === 'refused' ? check.detail : check.kind}`;
  }
  return undefined;
}

const challenge = (r: Request, status: 401 | 407, lines: readonly string[], issue: NonceIssue, note: string, outcome: CaseOutcome = 'challenged'): Answer => ({
  response: challengeResponse(status, fillLines(lines, r.ctx, issue), note),
  outcome: status === 407 ? 'proxy-challenged' : outcome,
  note,
});

/** What a verified request gets: the flow's next step, or the resource. */
function afterVerified(r: Request, result: CredentialsResult, user: string): Answer {
  const { flow, id } = r.compatCase;
  const self = `${r.where.origin}${r.path}`;
  if (flow.kind === 'nextnonce' && r.leg === 'first') {
    // RFC 7616 §3.5: Authentication-Info (allowed on any status, RFC 9110 §11.6.3) hands over the next nonce.
    const info = result.exchange
      ? formatAuthInfo(digestAuthenticationInfo(result.exchange, { nextnonce: issueCaseNonce(r.ctx, 'nextnonce') }), 'Digest')
      : undefined;
    const note = 'Verified; a 303 to the next request, with nextnonce in Authentication-Info.';
    return { response: redirectResponse(303, `${self}?leg=next`, info ? [['Authentication-Info', info]] : []), outcome: 'redirected', note };
  }
  if ((flow.kind === 'redirect-same-origin' || flow.kind === 'redirect-cross-origin') && r.leg === 'first') {
    const origin = flow.kind === 'redirect-cross-origin' ? r.where.otherOrigin : r.where.origin;
    const note = `Verified; redirected to ${flow.kind === 'redirect-cross-origin' ? 'the other origin' : 'the same origin'}.`;
    return { response: redirectResponse(flow.status, `${origin}${r.path}?leg=redirected`), outcome: 'redirected', note };
  }
  return { response: grantedResponse(id, user, result.grantFields ?? []), outcome: 'granted', note: `Verified as ${user}.` };
}

/** The origin's answer to a request whose Authorization was checked (or absent). */
function originAnswer(r: Request, auth: CredentialsResult | undefined, lines: readonly string[]): Answer {
  const { flow } = r.compatCase;
  const firstIssue: NonceIssue = r.leg === 'first' ? (flow.kind === 'stale-nonce' ? 'backdated' : 'challenge') : 'challenge-again';
  if (auth === undefined) {
    if (r.request.connection?.authenticated('origin'))
      return { response: grantedResponse(r.compatCase.id, 'connection'), outcome: 'granted', note: 'The connection was authenticated earlier.' };
    return challenge(r, 401, lines, firstIssue, 'No credentials: the challenge.');
  }
  const check = auth.sent.check;
  if (flow.kind === 'token-refused' && auth.sent.scheme.toLowerCase() === 'bearer') {
    const note = 'The token is refused, as the case says.';
    return { response: challengeResponse(flow.refusal.status, fillLines(flow.refusal.lines, r.ctx, 'challenge-again'), note), outcome: 'token-refused', note };
  }
  const staleLines = flow.kind === 'stale-nonce' || flow.kind === 'nextnonce' ? flow.stale.lines : lines;
  switch (check.kind) {
    case 'verified':
      // RFC 7616 §3.5: the next request should use nextnonce; the first challenge's nonce gets stale=true.
      if (flow.kind === 'nextnonce' && r.leg === 'next' && auth.sent.digest?.nonce === 'challenge') {
        return challenge(r, 401, staleLines, 'challenge-again', 'The first nonce, not nextnonce: stale=true.', 'stale');
      }
      return afterVerified(r, auth, check.user);
    case 'handshake-continues':
      return {
        response: challengeResponse(401, [auth.handshakeChallenge ?? ''], 'Step 2 of 3: the CHALLENGE.'),
        outcome: 'challenged',
        note: 'NTLM CHALLENGE sent.',
      };
    case 'stale':
      return challenge(r, 401, staleLines, 'challenge-again', `Right answer, stale nonce: stale=true. ${check.detail}`, 'stale');
    case 'refused':
      return challenge(r, 401, lines, 'challenge-again', `Refused (${check.reason}): ${check.detail}`);
    default: {
      const never: never = check;
      return never;
    }
  }
}

async function answerChecked(r: Request): Promise<Answer & Checked> {
  const { compatCase } = r;
  const flow = compatCase.flow;
  const proxyLines = flow.kind === 'proxy-then-origin' ? compatCase.sends.lines : undefined;
  const originLines = flow.kind === 'proxy-then-origin' ? flow.origin.lines : compatCase.sends.lines;
  const proxy = await checkField(r, 'Proxy-Authorization', proxyLines);
  const origin = await checkField(r, 'Authorization', originLines);
  const proxyResult = resultOf(proxy);
  const originResult = resultOf(origin);
  const checked: Checked = { ...(proxyResult ? { proxyAuthorization: proxyResult } : {}), ...(originResult ? { authorization: originResult } : {}) };
  const bad = badField([
    ['Proxy-Authorization', proxy],
    ['Authorization', origin],
  ]);
  if (bad !== undefined) return { ...checked, response: badRequest(bad), outcome: 'bad-request', note: bad };
  if (r.leg === 'redirected' && flow.kind === 'redirect-cross-origin') {
    return { ...checked, response: grantedResponse(compatCase.id, 'anyone'), outcome: 'landed', note: 'The other origin records what arrived.' };
  }
  if (proxyLines && proxyResult?.sent.check.kind !== 'verified') {
    const issue: NonceIssue = proxyResult ? 'challenge-again' : 'challenge';
    return { ...checked, ...challenge(r, 407, proxyLines, issue, proxyResult ? 'Proxy credentials refused.' : 'No proxy credentials: the proxy challenges.') };
  }
  return { ...checked, ...originAnswer(r, originResult, originLines) };
}

/** The lab's answer to one request of `compatCase`, and what the request carried. */
export async function answerCase(compatCase: CompatCase, request: SandboxRequest, ctx: SandboxContext, where: CaseWhere): Promise<CaseAnswer> {
  const base = { caseId: compatCase.id, method: METHOD.test(request.method) ? request.method : '?', fields: reportedFields(request.headers) };
  const refuse = (detail: string, leg: CaseLeg = 'first', target?: string): CaseAnswer => ({
    response: badRequest(detail),
    observation: { ...base, leg, ...(target ? { target } : {}), status: 400, outcome: 'bad-request', note: detail },
  });
  if (!METHOD.test(request.method)) return refuse('The method is not a token (RFC 9110 §9.1).');
  if (!TARGET.test(request.target)) return refuse('The request-target must be a path of visible ASCII (origin-form, RFC 9112 §3.2.1).');
  const { path, query } = splitTarget(request.target);
  const leg = readLeg(compatCase, query);
  if (leg === undefined) return refuse(`This case has no leg "${query.get('leg') ?? ''}".`, 'first', request.target);
  const answer = await answerChecked({ compatCase, request, ctx, where, leg, path });
  const safe = isSafeHead(answer.response);
  const response = safe ? answer.response : badRequest('The answer would have carried characters the lab does not write into a header.');
  const observation: CaseObservation = {
    ...base,
    leg,
    target: request.target,
    ...(answer.authorization ? { authorization: answer.authorization.sent } : {}),
    ...(answer.proxyAuthorization ? { proxyAuthorization: answer.proxyAuthorization.sent } : {}),
    status: response.status,
    outcome: safe ? answer.outcome : 'bad-request',
    note: safe ? answer.note : 'Refused: the answer would have reflected unsafe characters.',
  };
  return { response, observation };
}
