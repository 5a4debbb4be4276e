import type { CompatCase, Expectation } from './case-schema';
import type { CaseObservation, ObservedCredentials } from './observation';

// Grades one client on one case from the observations of its requests, in order: `follows` when they meet
// the case's expectation, `differs` when they meet a legal alternative (with its reason), `fails` when they
// meet neither, `pending` while nothing has arrived. It reads only observations, never the client's claims.

export type CaseVerdict = 'follows' | 'differs' | 'fails' | 'pending';
export type CaseGrade = { verdict: CaseVerdict; explanation: string };

type Check = { met: true; why: string } | { met: false; why: string };
const met = (why: string): Check => ({ met: true, why });
const unmet = (why: string): Check => ({ met: false, why });

const verified = (sent: ObservedCredentials | undefined) => sent?.check.kind === 'verified';

function describe(sent: ObservedCredentials): string {
  const check = sent.check;
  const how = check.kind === 'refused' ? `refused: ${check.detail}` : check.kind === 'verified' ? 'verified' : check.kind;
  return `${sent.scheme || 'unreadable'} credentials (${how})`;
}

function answerProblem(e: Extract<Expectation, { kind: 'answers' }>, sent: ObservedCredentials): string | undefined {
  const digest = sent.digest;
  if (e.algorithm !== undefined && digest?.algorithm.toUpperCase() !== e.algorithm.toUpperCase())
    return `used algorithm ${digest?.algorithm ?? 'none'}, not ${e.algorithm}`;
  if (e.qop !== undefined && digest?.qop !== e.qop) return `used qop ${digest?.qop ?? 'none'}, not ${e.qop}`;
  if (e.userhash !== undefined && digest?.userhash !== e.userhash) return e.userhash ? 'sent the user name in clear, not hashed' : 'hashed the user name';
  if (e.charset !== undefined && sent.shape.kind === 'basic' && sent.shape.encoding !== 'ascii' && sent.shape.encoding !== e.charset) {
    return `encoded user-pass as ${sent.shape.encoding}, not ${e.charset}`;
  }
  return undefined;
}

function answers(e: Extract<Expectation, { kind: 'answers' }>, observations: readonly CaseObservation[]): Check {
  const sent = observations.flatMap((o) => (o.authorization ? [o.authorization] : []));
  const first = sent[0];
  if (first === undefined) return unmet('It sent no credentials.');
  if (first.scheme.toLowerCase() !== e.scheme.toLowerCase()) return unmet(`It answered with ${describe(first)}, not ${e.scheme}.`);
  const good = sent.find((s) => s.scheme.toLowerCase() === e.scheme.toLowerCase() && verified(s));
  if (good === undefined) return unmet(`Its ${e.scheme} credentials never verified: ${describe(sent[sent.length - 1] ?? first)}.`);
  const problem = answerProblem(e, good);
  if (problem !== undefined) return unmet(`It answered ${e.scheme} but ${problem}.`);
  if (!observations.some((o) => o.outcome === 'granted')) return unmet(`Its ${e.scheme} credentials verified, but it never reached the resource.`);
  return met(`It answered ${e.scheme}${good.digest ? ` (${good.digest.algorithm}, qop ${good.digest.qop})` : ''} and the credentials verified.`);
}

function doesNotAnswer(observations: readonly CaseObservation[]): Check {
  const sent = observations.find((o) => o.authorization)?.authorization;
  return sent ? unmet(`It sent ${describe(sent)} although there was no challenge it could answer.`) : met('It sent no credentials.');
}

function repeatsAfterRefusal(observations: readonly CaseObservation[]): { refused?: ObservedCredentials; repeats: number } {
  const at = observations.findIndex((o) => o.outcome === 'token-refused');
  const refused = observations[at]?.authorization;
  if (refused === undefined) return { repeats: 0 };
  const repeats = observations.slice(at + 1).filter((o) => o.authorization?.fingerprint === refused.fingerprint).length;
  return { refused, repeats };
}

function redirected(observations: readonly CaseObservation[]): CaseObservation[] {
  return observations.filter((o) => o.leg === 'redirected');
}

function dropsOnRedirect(observations: readonly CaseObservation[]): Check {
  const landed = redirected(observations);
  if (landed.length === 0) return unmet('It never followed the redirect (or never authenticated before it).');
  const leaked = landed.find((o) => o.authorization);
  return leaked?.authorization
    ? unmet(`It sent ${describe(leaked.authorization)} to the other origin.`)
    : met('It followed the redirect without Authorization.');
}

function keepsOnRedirect(observations: readonly CaseObservation[]): Check {
  const [first] = redirected(observations);
  if (first === undefined) return unmet('It never followed the redirect.');
  return verified(first.authorization)
    ? met('It sent its credentials again on the redirected request.')
    : unmet('The redirected request went without credentials.');
}

function answersAfterRedirect(observations: readonly CaseObservation[]): Check {
  const [first, ...rest] = redirected(observations);
  if (first === undefined) return unmet('It never followed the redirect.');
  if (first.authorization) return unmet('It sent credentials on the redirected request before any challenge.');
  return rest.some((o) => verified(o.authorization))
    ? met('It waited for the new challenge, then answered it.')
    : unmet('It never answered the new challenge.');
}

function retriesWithNewNonce(observations: readonly CaseObservation[]): Check {
  const at = observations.findIndex((o) => o.outcome === 'stale');
  const stale = observations[at]?.authorization;
  if (stale === undefined) return unmet('The lab never had to say stale=true.');
  const old = stale.shape.kind === 'digest' ? stale.shape.params.nonce : undefined;
  const retry = observations.slice(at + 1).find((o) => o.authorization);
  if (retry?.authorization === undefined) return unmet('After stale=true it sent nothing more.');
  const nonce = retry.authorization.shape.kind === 'digest' ? retry.authorization.shape.params.nonce : undefined;
  if (nonce === old) return unmet('After stale=true it retried with the same nonce.');
  return verified(retry.authorization)
    ? met('After stale=true it retried at once with the new nonce.')
    : unmet(`Its retry failed: ${describe(retry.authorization)}.`);
}

function usesNextnonce(observations: readonly CaseObservation[]): Check {
  const at = observations.findIndex((o) => o.outcome === 'redirected');
  if (at === -1) return unmet('It never got Authentication-Info with nextnonce (its first answer did not verify).');
  const next = observations.slice(at + 1).find((o) => o.leg === 'next');
  if (next === undefined) return unmet('It did not make the next request.');
  const sent = next.authorization;
  if (sent === undefined) return unmet('Its next request went without credentials: it waited for a challenge.');
  if (sent.digest?.nonce !== 'nextnonce') return unmet(`Its next request used ${sent.digest ? `the ${sent.digest.nonce} nonce` : sent.scheme}, not nextnonce.`);
  return verified(sent) ? met('Its next request used nextnonce, without a challenge.') : unmet(`Its nextnonce credentials were refused: ${describe(sent)}.`);
}

function proxyThenOrigin(observations: readonly CaseObservation[]): Check {
  if (!observations.some((o) => verified(o.proxyAuthorization))) return unmet('Its Proxy-Authorization never verified (or it sent none).');
  const both = observations.find((o) => verified(o.proxyAuthorization) && verified(o.authorization) && o.outcome === 'granted');
  return both
    ? met('It answered the proxy, then the origin, and sent both credentials together.')
    : unmet('It never sent verified Proxy-Authorization and Authorization together.');
}

function check(e: Expectation, observations: readonly CaseObservation[]): Check {
  switch (e.kind) {
    case 'answers':
      return answers(e, observations);
    case 'does-not-answer':
      return doesNotAnswer(observations);
    case 'does-not-repeat-credentials': {
      const { refused, repeats } = repeatsAfterRefusal(observations);
      if (refused === undefined) return unmet('It never sent its token, so the lab could not refuse it.');
      return repeats === 0 ? met('It did not send the refused token again.') : unmet(`It sent the refused token again ${repeats} time(s).`);
    }
    case 'repeats-credentials':
      return repeatsAfterRefusal(observations).repeats > 0 ? met('It sent the refused token again.') : unmet('It did not send the refused token again.');
    case 'drops-credentials-on-redirect':
      return dropsOnRedirect(observations);
    case 'keeps-credentials-on-redirect':
      return keepsOnRedirect(observations);
    case 'answers-after-redirect':
      return answersAfterRedirect(observations);
    case 'retries-with-new-nonce':
      return retriesWithNewNonce(observations);
    case 'uses-nextnonce':
      return usesNextnonce(observations);
    case 'answers-proxy-then-origin':
      return proxyThenOrigin(observations);
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The verdict for one client on `compatCase`, from its requests' observations in the order they arrived. */
export function gradeCase(compatCase: CompatCase, observations: readonly CaseObservation[]): CaseGrade {
  const own = observations.filter((o) => o.caseId === compatCase.id);
  if (own.length === 0) return { verdict: 'pending', explanation: 'No request for this case has arrived yet.' };
  const main = check(compatCase.expect, own);
  if (main.met) return { verdict: 'follows', explanation: main.why };
  for (const alternative of compatCase.alternatives) {
    const alt = check(alternative.expect, own);
    if (alt.met) return { verdict: 'differs', explanation: `${alt.why} ${alternative.reason}` };
  }
  return { verdict: 'fails', explanation: `${main.why} A client that follows the RFCs: ${compatCase.follows}` };
}
