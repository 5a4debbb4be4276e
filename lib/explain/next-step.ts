import { type Challenge, type ClientChoice, type HeldCredentials, chooseChallenge, getParam } from '@/lib/http-auth';
import { dpopAnswerNote, oauthLeadNotes } from './oauth-next-step';
import type { AuthInfoField, NextStep } from './types';

// "What a client does next", in a sentence or two, for the response explained.

export type SentCredentials = { scheme: string; line: number };

export type NextStepInput = {
  status?: number;
  www: Challenge[];
  proxy: Challenge[];
  /** How many challenge field lines there were, parsed or not. */
  wwwLines: number;
  proxyLines: number;
  /** Challenge field lines that do not parse. */
  brokenLines: number[];
  authInfo: AuthInfoField[];
  /** The request's Authorization / Proxy-Authorization, when the paste showed it. */
  sentAuthorization?: SentCredentials;
  sentProxyAuthorization?: SentCredentials;
  /** The request shown was (or looks like) a CORS preflight. */
  preflight: boolean;
};

// What a client holds: a user name and password (curl -u, a browser's dialog, requests' auth=) unless
// the request shown sent a bearer token.
type Holder = { held: HeldCredentials; who: string };
const PASSWORD: Holder = { held: { password: { username: 'user', password: 'password' } }, who: 'a user name and password' };
const TOKEN: Holder = { held: { bearerToken: 'token' }, who: 'a bearer token' };
const BROWSER_PROMPTS = new Set(['basic', 'digest', 'negotiate', 'ntlm']);

const has = (cs: Challenge[], ...schemes: string[]) => cs.some((c) => schemes.includes(c.scheme.toLowerCase()));

/**
 * Whose next step to tell first: the holder the request showed, else the one the challenges ask for.
 * A client meeting only Bearer or DPoP challenges is one that holds (or must get) a token (RFC 6750 §3,
 * RFC 9449 §7.1), so leading with "a user name and password cannot answer it" would tell the reader nothing.
 */
function holderFor(challenges: Challenge[], sent: SentCredentials | undefined): Holder {
  if (sent) return ['bearer', 'dpop'].includes(sent.scheme.toLowerCase()) ? TOKEN : PASSWORD;
  return has(challenges, 'bearer', 'dpop') && !has(challenges, 'basic', 'digest') ? TOKEN : PASSWORD;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The library's reasons may end with a full stop; these sentences add their own. */
const clause = (s: string) => s.replace(/\.$/, '');

type Answer = { kind: 'answer-challenge' | 'no-usable-challenge'; summary: string; choice: ClientChoice };

function answer(challenges: Challenge[], holder: Holder, header: string, status: number): Answer {
  const choice = chooseChallenge(challenges, holder.held);
  if (choice.kind === 'chosen') {
    const reason = choice.considered[choice.index]?.reason ?? '';
    const which =
      challenges.length > 1
        ? ` (challenge ${choice.index + 1} of ${challenges.length}, the one that exposes least of those it can answer, the earlier on a tie: RFC 9110 §11.6.1, RFC 7616 §3.7)`
        : '';
    const summary = `A client holding ${holder.who} retries with ${header}: ${choice.challenge.scheme}${which}. ${capitalise(clause(reason))}.`;
    return { kind: 'answer-challenge', summary, choice };
  }
  const bearer = choice.considered.find((c) => c.scheme.toLowerCase() === 'bearer');
  if (holder === TOKEN && bearer) {
    return { kind: 'no-usable-challenge', summary: `A client holding a bearer token does not simply resend it: ${clause(bearer.reason)}.`, choice };
  }
  const why = choice.considered.map((c) => `${c.scheme}: ${clause(c.reason)}`).join('; ');
  return {
    kind: 'no-usable-challenge',
    summary: `A client holding ${holder.who} can answer none of the challenges (${why}), so it stops and reports the ${status}.`,
    choice,
  };
}

function challengeStep(input: NextStepInput, hop: 'origin' | 'proxy', status: number, assumed: boolean): NextStep {
  const challenges = hop === 'origin' ? input.www : input.proxy;
  const header = hop === 'origin' ? 'Authorization' : 'Proxy-Authorization';
  const field = hop === 'origin' ? 'WWW-Authenticate' : 'Proxy-Authenticate';
  const sent = hop === 'origin' ? input.sentAuthorization : input.sentProxyAuthorization;
  const notes: string[] = [];
  if (assumed) notes.push(`Read as part of a ${status}, the status that carries ${field}.`);
  if (sent) {
    notes.push(`The request carried ${header} (line ${sent.line}), so this ${status} says those credentials were refused: sending the same again fails again.`);
  }
  if (hop === 'proxy') {
    notes.push(
      'A browser answers a 407 only from its configured proxy: from any other server, Chromium turns it into a network error (ERR_UNEXPECTED_PROXY_AUTH) and Firefox hands it to the page unanswered (no prompt, no proxy credentials). A script cannot set Proxy-Authorization at all (a forbidden request header).',
    );
  }
  if (challenges.length === 0) {
    const lines = hop === 'origin' ? input.wwwLines : input.proxyLines;
    const summary =
      lines > 0
        ? `The ${field} field holds no challenge a client can read, so it has nothing to answer and reports the ${status}.`
        : `With no ${field} challenge a client cannot tell which scheme to use, so it stops and reports the ${status} (RFC 9110 ${hop === 'origin' ? '§15.5.2' : '§15.5.8'}).`;
    return { kind: 'no-challenge', summary, notes };
  }
  if (input.brokenLines.length > 0) {
    const lines = `line${input.brokenLines.length > 1 ? 's' : ''} ${input.brokenLines.join(', ')}`;
    notes.push(`A strict client skips what does not parse (${lines}) and chooses among the rest; a lenient one may guess.`);
  }
  const discovery =
    hop === 'origin' && !sent
      ? challenges.find((c) => c.scheme.toLowerCase() === 'bearer' && URL.canParse(getParam(c.params, 'resource_metadata') ?? ''))
      : undefined;
  if (discovery) {
    notes.push(
      `No token yet? The Bearer challenge names the resource's metadata (RFC 9728 §5.1): fetch ${getParam(discovery.params, 'resource_metadata')}, then the authorization server it names, get a token there for this resource, and retry with it.`,
    );
  }
  if (hop === 'origin') notes.unshift(...oauthLeadNotes(challenges));
  const holder = holderFor(challenges, sent);
  const main = answer(challenges, holder, header, status);
  if (hop === 'origin') notes.push(...dpopAnswerNote(challenges));
  const other = holder === TOKEN ? PASSWORD : TOKEN;
  if (has(challenges, ...(other === TOKEN ? ['bearer'] : ['basic', 'digest']))) notes.push(answer(challenges, other, header, status).summary);
  if (hop === 'origin' && challenges.some((c) => BROWSER_PROMPTS.has(c.scheme.toLowerCase()))) {
    notes.push(
      "In a browser, a navigation or a fetch that includes credentials gets the browser's own login dialog for this challenge, and the response waits until it is dismissed; a fetch with credentials: 'omit' never prompts and just sees the 401.",
    );
  }
  return { ...main, notes };
}

function forbiddenStep(input: NextStepInput): NextStep {
  const notes = [
    'The refusal may have nothing to do with credentials (an address rule, a plan limit), and a server may answer 404 instead of 403 to hide that a resource exists (RFC 9110 §15.5.4).',
  ];
  const scoped = input.www.find((c) => c.scheme.toLowerCase() === 'bearer' && getParam(c.params, 'error') === 'insufficient_scope');
  if (scoped) {
    const scope = getParam(scoped.params, 'scope');
    notes.unshift(
      `The Bearer challenge says insufficient_scope: get a token${scope ? ` with the scope "${scope}"` : ' with a broader scope'} and retry with that one (RFC 6750 §3.1).`,
    );
  }
  return {
    kind: 'forbidden',
    summary: 'The client should not repeat the request with the same credentials; it may try different ones (RFC 9110 §15.5.4).',
    notes,
  };
}

function otherStep(input: NextStepInput, status: number): NextStep {
  if (status < 200)
    return { kind: 'informational', summary: `${status} is an interim response: the final response follows it on the same connection.`, notes: [] };
  if (status < 300 || status === 304) {
    const next = input.authInfo.find((f) => f.params.nextnonce !== undefined);
    const notes = next ? [`Authentication-Info (line ${next.line}) names a nextnonce: the next Digest request uses it (RFC 7616 §3.5).`] : [];
    const summary = status === 304 ? 'Nothing to do: the client uses its cached copy (304 Not Modified).' : 'Nothing to do: the server accepted the request.';
    return { kind: 'success', summary, notes };
  }
  if (status < 400) {
    return {
      kind: 'redirect',
      summary:
        'The client follows Location. A browser drops Authorization when the redirect goes to another origin, so credentials must be sent again there (WHATWG Fetch).',
      notes: [],
    };
  }
  if (status >= 500) {
    return {
      kind: 'server-error',
      summary: 'The server failed: not an authentication problem. A client retries later (after Retry-After, if given) without changing its credentials.',
      notes: [],
    };
  }
  const summaries: Record<number, string> = {
    400: 'The request is malformed: fix it rather than resend it. (Bearer\'s error="invalid_request" belongs here, RFC 6750 §3.1.)',
    404: 'Not found, or hidden: a server may answer 404 rather than 403 to hide a resource from someone not allowed to know it exists (RFC 9110 §15.5.4).',
  };
  return {
    kind: 'client-error',
    summary: summaries[status] ?? `${status} refuses the request for a reason other than authentication: change the request, not the credentials.`,
    notes: [],
  };
}

export function nextStep(input: NextStepInput): NextStep {
  const { status } = input;
  if (status === undefined) {
    if (input.www.length > 0 || input.wwwLines > 0) return challengeStep(input, 'origin', 401, true);
    if (input.proxy.length > 0 || input.proxyLines > 0) return challengeStep(input, 'proxy', 407, true);
    return {
      kind: 'headers-only',
      summary: 'Without the status line the lab cannot say what a client does next: paste it too (for example HTTP/1.1 401 Unauthorized).',
      notes: [],
    };
  }
  if (input.preflight && (status < 200 || status > 299)) {
    return {
      kind: 'preflight-failed',
      summary: `A browser does not answer challenges on a preflight: with a ${status} the preflight fails, the real request is never sent, and the script sees a network error (WHATWG Fetch, CORS-preflight fetch).`,
      notes: [
        'Let OPTIONS through without authentication and answer it with 204 and the Access-Control-Allow-* headers; authenticate the real request that follows.',
      ],
    };
  }
  if (status === 401) return challengeStep(input, 'origin', 401, false);
  if (status === 407) return challengeStep(input, 'proxy', 407, false);
  if (status === 403) return forbiddenStep(input);
  return otherStep(input, status);
}
