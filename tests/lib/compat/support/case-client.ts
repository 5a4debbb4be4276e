import {
  answerDigestChallenge,
  chooseChallenge,
  encodeBasicCredentials,
  formatCredentials,
  getParam,
  parseAuthInfo,
  parseChallenges,
  type BasicCharset,
  type Challenge,
} from '@/lib/http-auth';
import { answerCase } from '@/lib/compat/case-server';
import type { AnswerScheme, CompatCase } from '@/lib/compat/case-schema';
import type { CaseObservation } from '@/lib/compat/observation';
import { createConnectionAuth, handshakeBudget } from '@/lib/sandbox/connection';
import { answerHandshake, connectionScheme, startHandshake, type ClientHandshake } from '@/lib/sandbox/exchange/connection-client';
import { headerValues, type HeaderList, type SandboxResponse } from '@/lib/sandbox/message';
import { testContext } from '../../sandbox/support';

// An in-process HTTP client for the compatibility cases, built from lib/http-auth's client side: it parses
// challenges with parseChallenges, picks one with chooseChallenge, answers with the scheme's client, follows
// redirects and keeps one connection (for NTLM). With no options it is the RFC-following client every case
// is graded `follows` against; each option makes it do one legal alternative or one careless thing.

export const ORIGIN = 'http://lab.test';
export const OTHER_ORIGIN = 'http://other.test';

export type ClientOptions = {
  /** Answer this scheme (and Digest algorithm) instead of chooseChallenge's pick. */
  prefer?: { scheme: AnswerScheme; algorithm?: string };
  /** When a field does not parse, answer each line's scheme alone (a lenient parser). */
  lenient?: boolean;
  /** Never answer a challenge. */
  neverAnswer?: boolean;
  /** Behave as a client without userhash support (RFC 7616 §3.4.4). */
  noUserhash?: boolean;
  /** Careless, as wget and Perl's LWP when offered a qop they do not all know: answer in the RFC 2069 form. */
  noQop?: boolean;
  basicCharset?: BasicCharset;
  /** Careless: Basic with the password on every request, whatever the server asked for. */
  basicRegardless?: boolean;
  /** Careless: stop at stale=true instead of retrying. */
  ignoreStale?: boolean;
  /** Careless: keep Authorization on a redirect to another origin. */
  keepAcrossOrigins?: boolean;
  /** Do not resend credentials on a same-origin redirect until challenged. */
  noReuse?: boolean;
  /** After Authentication-Info: use nextnonce (default), reuse the old nonce, or wait for a challenge. */
  nextnonce?: 'use' | 'reuse-old' | 'wait';
  /** Send a refused token once more. */
  repeatRefusedToken?: boolean;
  /** Collects the lab's responses, for tests that look at them. */
  responses?: SandboxResponse[];
};

type Digest = { challenge: Challenge; nc: number; cnonce: string };
/** `fresh`: computed for the next request; Digest credentials sent again count nc up (RFC 7616 §3.4). */
type Hop = { authorization?: string; digest?: Digest; answered: number; fresh?: boolean };

const encoder = new TextEncoder();

function readChallenges(lines: string[], options: ClientOptions): Challenge[] {
  const parsed = parseChallenges(lines);
  if (parsed.ok) return parsed.value;
  if (!options.lenient) return [];
  return lines.map((line) => ({ scheme: /^[\s,]*([^\s,]+)/.exec(line)?.[1] ?? '', params: {} }));
}

function pick(challenges: Challenge[], held: Parameters<typeof chooseChallenge>[1], options: ClientOptions): Challenge | undefined {
  const prefer = options.prefer;
  if (prefer) {
    return challenges.find(
      (c) => c.scheme.toLowerCase() === prefer.scheme.toLowerCase() && (prefer.algorithm === undefined || getParam(c.params, 'algorithm') === prefer.algorithm),
    );
  }
  const choice = chooseChallenge(challenges, held);
  return choice.kind === 'chosen' ? choice.challenge : undefined;
}

/** Runs one conversation with the case server and returns the lab's observations of it. */
export async function runCaseClient(compatCase: CompatCase, options: ClientOptions = {}): Promise<CaseObservation[]> {
  const ctx = testContext();
  const connection = createConnectionAuth(1, handshakeBudget());
  const { username, password, token } = compatCase.credentials;
  const held = { password: { username, password }, ...(token ? { bearerToken: token } : {}) };
  const basic = (charset: BasicCharset) => {
    const encoded = encodeBasicCredentials({ userId: username, password }, charset);
    if (!encoded.ok) throw new Error(encoded.error.message);
    return formatCredentials(encoded.value);
  };
  let origin = ORIGIN;
  let target = `/compat/${compatCase.id}`;
  let method: string = compatCase.request.method;
  let body = compatCase.request.body ?? '';
  const hops: Record<'origin' | 'proxy', Hop> = { origin: { answered: 0 }, proxy: { answered: 0 } };
  let handshake: ClientHandshake | undefined;
  let repeated = false;
  const observations: CaseObservation[] = [];

  const answer = async (hop: Hop, chosen: Challenge): Promise<boolean> => {
    const scheme = chosen.scheme.toLowerCase();
    hop.answered++;
    if (scheme === 'basic') {
      hop.authorization = basic(options.basicCharset ?? 'UTF-8');
    } else if (scheme === 'bearer' && token) {
      hop.authorization = `Bearer ${token}`;
    } else if (scheme === 'digest') {
      const params = { ...chosen.params };
      if (options.noUserhash) delete params.userhash;
      if (options.noQop) delete params.qop;
      const challenge = { ...chosen, params };
      const answered = answerDigestChallenge({ challenge, username, password, method, uri: target, body, random: ctx.random });
      if (!answered.ok) return false;
      hop.authorization = formatCredentials(answered.value.credentials);
      hop.digest = { challenge, nc: 1, cnonce: answered.value.exchange.cnonce };
      hop.fresh = true;
    } else if (connectionScheme(chosen.scheme)) {
      const scheme = connectionScheme(chosen.scheme) ?? 'NTLM';
      if (chosen.token68 !== undefined && handshake) {
        const move = await answerHandshake(handshake, chosen, { user: username, password }, ctx, { mode: 'keep-alive', connection: 1 });
        if ('error' in move) return false;
        hop.authorization = move.value;
      } else {
        const start = startHandshake(scheme, '');
        handshake = start.handshake;
        hop.authorization = start.value;
      }
    } else {
      return false;
    }
    return true;
  };

  const redigest = (hop: Hop, nonce: string | undefined): void => {
    const digest = hop.digest;
    if (!digest) return;
    const challenge = nonce ? { ...digest.challenge, params: { ...digest.challenge.params, nonce } } : digest.challenge;
    const nc = nonce ? 1 : digest.nc + 1;
    const answered = answerDigestChallenge({ challenge, username, password, method, uri: target, body, nc, cnonce: digest.cnonce });
    if (answered.ok) {
      hop.authorization = formatCredentials(answered.value.credentials);
      hop.digest = { challenge, nc, cnonce: digest.cnonce };
      hop.fresh = true;
    }
  };

  for (let turn = 0; turn < 12; turn++) {
    if (options.basicRegardless) hops.origin.authorization = basic('UTF-8');
    for (const hop of [hops.proxy, hops.origin]) {
      if (hop.authorization && hop.digest && !hop.fresh) redigest(hop, undefined);
      hop.fresh = false;
    }
    const headers: HeaderList = [['Host', new URL(origin).host]];
    if (hops.proxy.authorization) headers.push(['Proxy-Authorization', hops.proxy.authorization]);
    if (hops.origin.authorization) headers.push(['Authorization', hops.origin.authorization]);
    const request = { method, target, headers, body: encoder.encode(body), connection };
    const { response, observation } = await answerCase(compatCase, request, ctx, { origin: ORIGIN, otherOrigin: OTHER_ORIGIN });
    observations.push(observation);
    options.responses?.push(response);
    const { status } = response;
    if ((status === 401 || status === 403) && options.repeatRefusedToken && observation.outcome === 'token-refused' && !repeated) {
      repeated = true;
      continue;
    }
    if (status === 401 || status === 407) {
      if (options.neverAnswer) break;
      const hop = status === 407 ? hops.proxy : hops.origin;
      const challenges = readChallenges(headerValues(response.headers, status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate'), options);
      const stale = challenges.some((c) => getParam(c.params, 'stale')?.toLowerCase() === 'true');
      const continues = challenges.some((c) => c.token68 !== undefined && connectionScheme(c.scheme));
      if (stale && options.ignoreStale) break;
      // Refused without stale=true or a handshake under way: a careful client asks its user, it does not loop.
      if (hop.answered > 0 && !stale && !continues) break;
      const chosen = pick(challenges, held, options);
      if (chosen === undefined || !(await answer(hop, chosen))) break;
      continue;
    }
    const location = headerValues(response.headers, 'Location')[0];
    if (location === undefined || status < 300 || status >= 400) break;
    const next = new URL(location);
    const nextnonce = headerValues(response.headers, 'Authentication-Info')
      .map((value) => parseAuthInfo(value))
      .flatMap((info) => (info.ok ? [getParam(info.value, 'nextnonce')] : []))[0];
    if (status === 303) [method, body] = ['GET', ''];
    const crossOrigin = next.origin !== origin;
    [origin, target] = [next.origin, `${next.pathname}${next.search}`];
    const hop = hops.origin;
    if (crossOrigin && !options.keepAcrossOrigins) hop.authorization = undefined;
    else if (options.noReuse || (nextnonce && options.nextnonce === 'wait')) hop.authorization = undefined;
    else if (hop.digest && nextnonce && options.nextnonce !== 'reuse-old') redigest(hop, nextnonce);
    hop.answered = 0;
  }
  return observations;
}
