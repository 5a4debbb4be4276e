import type { FlowKind } from './case-schema';
import type { NonceIssue } from './case-nonce';
import type { CaseLeg } from './observation';
import type { RecordedCredentials } from './results-schema';

// The lab's recorded ids (legs, flows, nonce origins, checks, refusal reasons) as a reader of a case page
// reads them. The ids stay in the data, where the grader and `git diff` compare them; pages show these.

/** Which request of the case's conversation, said after the request line; the first needs no words. */
export const LEG_WORDS: Record<CaseLeg, string> = {
  first: '',
  redirected: 'after the redirect',
  next: 'after the 303 that follows nextnonce',
};

/** A leg as the run API reports it (a plain string there): words, or nothing for the first request. */
export function legWords(leg: string): string {
  return Object.hasOwn(LEG_WORDS, leg) ? LEG_WORDS[leg as CaseLeg] : leg;
}

/** What happens after the first challenge (case-schema.ts's flows), as the end of "Then …". */
export const FLOW_WORDS: Record<FlowKind, string> = {
  single: 'credentials that verify get 200',
  'stale-nonce': 'the first nonce is issued already expired, so a correct answer gets a second 401 with stale=true',
  nextnonce: 'a correct answer gets a 303 to the same resource and a nextnonce in Authentication-Info, which the next request should use',
  'redirect-same-origin': 'an authenticated request is redirected to another path on the same origin',
  'redirect-cross-origin': 'an authenticated request is redirected to another origin, which must not receive the credentials',
  'token-refused': 'any token the client sends is refused, as a server refuses an expired or too narrow one',
  'proxy-then-origin': 'once the proxy’s credentials verify, the origin asks with its own 401',
};

const NONCE_WORDS: Record<NonceIssue | 'not-issued-here', string> = {
  challenge: 'the nonce of the first challenge',
  'challenge-again': 'the nonce of a later challenge',
  nextnonce: 'the nextnonce',
  backdated: 'the expired nonce',
  'not-issued-here': 'a nonce the lab did not issue',
};

const CHECK_WORDS: Record<string, string> = {
  verified: 'verified',
  stale: 'right, but on a stale nonce',
  refused: 'refused',
  'handshake-continues': 'the handshake goes on',
};

const REASON_WORDS: Record<string, string> = {
  'wrong-response': 'the response hash does not match',
  'not-offered': 'a scheme the lab did not offer',
  malformed: 'it does not parse',
  'algorithm-not-offered': 'an algorithm the lab did not offer',
  'not-utf-8': 'user-pass is not UTF-8, as the charset asked',
  'uri-mismatch': 'its uri is not the request-target',
  'replayed-nc': 'a nonce count already used',
  'ntlmv1-refused': 'an NTLMv1 answer, which the lab refuses',
};

const ENCODING_WORDS: Record<string, string> = { ascii: 'ASCII', 'UTF-8': 'UTF-8', 'ISO-8859-1': 'ISO-8859-1' };

/** One credentials field the lab recorded, as a line of the case page. */
export function credentialsWords(sent: RecordedCredentials): string {
  const parts = [`${sent.field}: ${sent.scheme || '(unreadable)'}`];
  if (sent.digest) {
    const nonce = NONCE_WORDS[sent.digest.nonce as keyof typeof NONCE_WORDS] ?? sent.digest.nonce;
    const qop = sent.digest.qop === 'none' ? 'no qop' : `qop ${sent.digest.qop}`;
    parts.push(`${sent.digest.algorithm}, ${qop}${sent.digest.userhash ? ', userhash' : ''}, answering ${nonce}`);
  }
  if (sent.encoding) parts.push(`user-pass in ${ENCODING_WORDS[sent.encoding] ?? sent.encoding}`);
  if (sent.message) parts.push(`NTLM ${sent.message.toUpperCase()} message`);
  const check = CHECK_WORDS[sent.check] ?? sent.check;
  parts.push(sent.reason ? `${check}: ${REASON_WORDS[sent.reason] ?? sent.reason}` : check);
  return parts.join(' · ');
}

/**
 * The lab's note on a request, without the reason id it starts with ("Refused (algorithm-not-offered): …"):
 * the sentence after it says the same in words. The committed results keep the id.
 */
export function noteWords(note: string): string {
  return note.replace(/^Refused \([a-z0-9-]+\): /, 'Refused: ');
}
