import { getParam } from './params';
import { readDigestChallenge } from './schemes/digest/challenge';
import type { Challenge } from './types';

// Which challenge a careful client answers. Current RFCs leave the choice among schemes to the client
// (RFC 9110 §11.6.1); this one prefers the scheme that exposes least: a bearer token (no password
// leaves the client) > Negotiate > Digest > NTLM > Basic (the password itself, readable without TLS).
// Among Digest challenges it takes the first it supports, whatever its hash: a server lists its
// algorithms in order of preference and RFC 7616 §3.7 has the client use the first one it supports
// (ranking by hash would be a local policy the lessons would have to explain). Ties go to the earlier
// challenge likewise.
//
// Negotiate and NTLM are placed as curl's --anyauth places them: curl documents that it picks "the most
// secure one the remote site claims to support", calls Negotiate "the most secure way to perform
// authentication over HTTP" and NTLM "a challenge-response and hash concept similar to Digest"
// (CURLOPT_HTTPAUTH), and libcurl's pickoneauth tries Negotiate, Bearer, Digest, NTLM, Basic in that
// order. The lab keeps Bearer first (no password at all). Negotiate beats Digest because it can carry
// Kerberos (a ticket, and the server proves itself too); NTLM falls below Digest: it is Microsoft's own,
// its NT hash is an unsalted MD4 that stands in for the password, and it binds to one connection.
// Choosing is only worth a sentence when there was a choice: one challenge gets none.

export type HeldCredentials = {
  password?: { username: string; password: string };
  bearerToken?: string;
};

/** The schemes this client can answer. */
export type ChosenScheme = 'basic' | 'bearer' | 'digest' | 'ntlm' | 'negotiate';

export type ConsideredChallenge = { index: number; scheme: string; usable: boolean; strength: number; reason: string };

export type ClientChoice =
  | { kind: 'chosen'; index: number; challenge: Challenge; scheme: ChosenScheme; explanation: string; considered: ConsideredChallenge[] }
  | { kind: 'none'; explanation: string; considered: ConsideredChallenge[] };

// Every supported Digest algorithm ranks the same, so the earliest Digest challenge wins (RFC 7616 §3.7).
const DIGEST_STRENGTH = 50;
// Either side of Digest, as curl's --anyauth ranks them (see above).
const NEGOTIATE_STRENGTH = 60;
const NTLM_STRENGTH = 40;

type Verdict = { usable: boolean; strength: number; reason: string };

const unusable = (reason: string): Verdict => ({ usable: false, strength: 0, reason });

function judgeBearer(c: Challenge, held: HeldCredentials): Verdict {
  if (held.bearerToken === undefined) return unusable('no bearer token held');
  const error = getParam(c.params, 'error');
  if (error === 'insufficient_scope') {
    const scope = getParam(c.params, 'scope');
    return unusable(`the token lacks the scope${scope ? ` "${scope}"` : ''}; sending it again cannot help (RFC 6750 §3.1), get a token with that scope`);
  }
  if (error === 'invalid_token') return unusable('the token was refused as invalid or expired: refresh it once, then retry (RFC 6750 §3.1)');
  return { usable: true, strength: 100, reason: 'a bearer token sends no password' };
}

function judgeDigest(c: Challenge, held: HeldCredentials): Verdict {
  const read = readDigestChallenge(c);
  if (!read.ok) return unusable(read.error.message);
  if (held.password === undefined) return unusable('no user name and password held');
  const { algorithm, stale } = read.value;
  const retry = stale ? '; stale=true, so retry with the new nonce without asking the user again (RFC 7616 §3.3)' : '';
  return { usable: true, strength: DIGEST_STRENGTH, reason: `Digest with ${algorithm.name} proves the password without sending it${retry}` };
}

function judgeBasic(c: Challenge, held: HeldCredentials, secure: boolean | undefined): Verdict {
  if (held.password === undefined) return unusable('no user name and password held');
  if (held.password.username.includes(':')) return unusable('the user-id contains ":", which Basic cannot carry (RFC 7617 §2)');
  const charset = getParam(c.params, 'charset');
  const encoding = charset?.toLowerCase() === 'utf-8' ? 'UTF-8' : 'an encoding the server did not name';
  const exposure = secure === false ? '; over plain HTTP anyone on the path can read it (RFC 7617 §4)' : '';
  return { usable: true, strength: 10, reason: `Basic sends the password itself, base64 in ${encoding}${exposure}` };
}

/** NTLM (MS-NLMP) and Negotiate (RFC 4559): a password is enough, NTLM inside Negotiate when there is no Kerberos ticket. */
function judgeConnectionScheme(c: Challenge, held: HeldCredentials, scheme: 'ntlm' | 'negotiate'): Verdict {
  if (held.password === undefined) return unusable('no user name and password held');
  if (Object.keys(c.params).length > 0) return unusable(`a ${c.scheme} challenge is bare or carries one token, never parameters`);
  const bound = 'it authenticates the connection, not the request, so every leg must use one kept-alive connection';
  if (c.token68 !== undefined) {
    return {
      usable: true,
      strength: scheme === 'negotiate' ? NEGOTIATE_STRENGTH : NTLM_STRENGTH,
      reason: `the server's CHALLENGE of a handshake under way: answer it with the AUTHENTICATE on the same connection; ${bound}`,
    };
  }
  return scheme === 'negotiate'
    ? {
        usable: true,
        strength: NEGOTIATE_STRENGTH,
        reason: `Negotiate (RFC 4559) uses Kerberos when the client has a ticket, else NTLM inside SPNEGO; either proves the password without sending it, and ${bound}`,
      }
    : {
        usable: true,
        strength: NTLM_STRENGTH,
        reason: `NTLM proves the password without sending it (challenge and response, MS-NLMP), but its NT hash is an unsalted MD4 and ${bound}`,
      };
}

function judge(c: Challenge, held: HeldCredentials, secure: boolean | undefined): { scheme?: ChosenScheme } & Verdict {
  switch (c.scheme.toLowerCase()) {
    case 'negotiate':
      return { scheme: 'negotiate', ...judgeConnectionScheme(c, held, 'negotiate') };
    case 'ntlm':
      return { scheme: 'ntlm', ...judgeConnectionScheme(c, held, 'ntlm') };
    case 'bearer':
      return { scheme: 'bearer', ...judgeBearer(c, held) };
    case 'digest':
      return { scheme: 'digest', ...judgeDigest(c, held) };
    case 'basic':
      return { scheme: 'basic', ...judgeBasic(c, held, secure) };
    default:
      return unusable(`this client does not implement the ${c.scheme} scheme`);
  }
}

/** Why a usable challenge was not the one answered: it exposes more, or it was listed after an equal one. */
function passedOverAs(c: ConsideredChallenge, pick: ConsideredChallenge | undefined): string {
  if (!c.usable) return 'not usable';
  return pick !== undefined && c.strength === pick.strength ? 'listed later' : 'weaker';
}

/** How this client chooses among several challenges, with the RFCs that leave the choice to it. */
const SEVERAL_CHALLENGES_RULE =
  'Of several challenges, this client answers the scheme that exposes least that it can answer (Bearer, then Negotiate, Digest, NTLM, Basic, close to curl --anyauth), and of equals the earlier one, since a server lists its preference first; among Digest challenges that means the first algorithm it supports (RFC 9110 §11.6.1, RFC 7616 §3.7).';

/** `secure`: whether the connection is HTTPS; pass false to have Basic's exposure spelled out. */
export function chooseChallenge(challenges: readonly Challenge[], held: HeldCredentials, options: { secure?: boolean } = {}): ClientChoice {
  let best: { index: number; scheme: ChosenScheme; strength: number } | undefined;
  const considered = challenges.map((c, index): ConsideredChallenge => {
    const v = judge(c, held, options.secure);
    if (v.usable && v.scheme && (!best || v.strength > best.strength)) best = { index, scheme: v.scheme, strength: v.strength };
    return { index, scheme: c.scheme, usable: v.usable, strength: v.strength, reason: v.reason };
  });
  const chosen = best === undefined ? undefined : challenges[best.index];
  if (best === undefined || chosen === undefined) {
    const why = considered.map((c) => `${c.scheme}: ${c.reason}`).join('; ');
    return { kind: 'none', explanation: `No challenge can be answered${why ? ` (${why})` : ''}.`, considered };
  }
  const pick = considered[best.index];
  const others = considered.filter((c) => c.index !== best?.index).map((c) => `${c.scheme} (${passedOverAs(c, pick)}: ${c.reason})`);
  const explanation =
    challenges.length === 1
      ? `Answer the ${chosen.scheme} challenge: ${pick?.reason ?? ''}.`
      : `Answer challenge ${best.index + 1} of ${challenges.length}, ${chosen.scheme}: ${pick?.reason ?? ''}. ` +
        `${SEVERAL_CHALLENGES_RULE}${others.length > 0 ? ` Passed over: ${others.join('; ')}.` : ''}`;
  return { kind: 'chosen', index: best.index, challenge: chosen, scheme: best.scheme, explanation, considered };
}
