import {
  constantTimeEqualText,
  decodeBasicCredentials,
  getParam,
  parseCredentials,
  readBearerToken,
  type Challenge,
  type Credentials,
  type DigestExchange,
} from '@/lib/http-auth';
import { checkCaseNonce, credentialsFingerprint } from './case-nonce';
import { checkDigestForCase } from './case-digest';
import { checkHandshakeForCase } from './case-handshake';
import { basicShape, handshakeShape, otherShape } from './credentials-shape';
import type { HeaderList } from '@/lib/sandbox/message';
import type { CredentialsInput } from './case-input';
import type { CredentialsCheck, CredentialsShape, DigestFacts, ObservedCredentials } from './observation';

// One credentials field of a request, checked against the challenges the case offered on that hop, with
// lib/http-auth (no second grammar): what was sent, reduced to its shape, and whether it verified.

export type CredentialsResult = {
  sent: ObservedCredentials;
  /** 400: the field is malformed, not merely wrong (RFC 7616 §3.4 via RFC 2617 §3.2.2, RFC 6750 §3.1). */
  malformed: boolean;
  /** Digest, verified: what Authentication-Info is computed from. */
  exchange?: DigestExchange;
  /** NTLM or Negotiate leg 1: the field value of the challenge that carries the server's token. */
  handshakeChallenge?: string;
  /** Fields the success response carries: Negotiate's final token (RFC 4559 §5). */
  grantFields?: HeaderList;
};

const refused = (reason: string, detail: string): CredentialsCheck => ({ kind: 'refused', reason, detail });

function offers(offered: readonly Challenge[], scheme: string): boolean {
  return offered.some((challenge) => challenge.scheme.toLowerCase() === scheme.toLowerCase());
}

/** RFC 7617 §2.1: with charset="UTF-8" the lab reads UTF-8 only; without it, UTF-8 or ISO-8859-1 (§2 leaves it open). */
function checkBasic(input: CredentialsInput, credentials: Credentials): { shape: CredentialsShape; check: CredentialsCheck } {
  const { shape, utf8 } = basicShape(credentials, input.fieldValue);
  if (shape.kind !== 'basic')
    return { shape, check: refused('malformed', `The Basic credentials do not decode: ${shape.kind === 'malformed' ? shape.problem : ''}.`) };
  const challenge = input.offered.find((c) => c.scheme.toLowerCase() === 'basic');
  const utf8Only = getParam(challenge?.params ?? {}, 'charset')?.toLowerCase() === 'utf-8';
  if (utf8Only && !utf8) return { shape, check: refused('not-utf-8', 'The challenge said charset="UTF-8", but user-pass is not UTF-8 (RFC 7617 §2.1).') };
  const readAs = utf8 ? decodeBasicCredentials(input.fieldValue, 'UTF-8') : decodeBasicCredentials(input.fieldValue, 'ISO-8859-1');
  const { username, password } = input.compatCase.credentials;
  if (readAs.ok && readAs.value.userId === username && constantTimeEqualText(readAs.value.password, password))
    return { shape, check: { kind: 'verified', user: username } };
  return { shape, check: refused('wrong-credentials', `user-id "${shape.userId}" with that password is not the case's user.`) };
}

function checkBearer(input: CredentialsInput): { shape: CredentialsShape; check: CredentialsCheck } {
  const read = readBearerToken(input.fieldValue);
  if (!read.ok)
    return { shape: { kind: 'malformed', length: input.fieldValue.length, problem: read.error.message }, check: refused('malformed', read.error.message) };
  const shape: CredentialsShape = { kind: 'token', length: read.value.length };
  const token = input.compatCase.credentials.token;
  if (token !== undefined && constantTimeEqualText(read.value, token))
    return { shape, check: { kind: 'verified', user: input.compatCase.credentials.username } };
  return { shape, check: refused('unknown-token', 'The token is not the one the case configures.') };
}

function digestFacts(input: CredentialsInput, credentials: Credentials): DigestFacts {
  const nonce = getParam(credentials.params, 'nonce');
  const state = nonce === undefined ? undefined : checkCaseNonce(input.ctx, nonce);
  return {
    algorithm: getParam(credentials.params, 'algorithm') ?? 'MD5',
    qop: (getParam(credentials.params, 'qop')?.toLowerCase() as 'auth' | 'auth-int' | undefined) ?? 'none',
    userhash: getParam(credentials.params, 'userhash')?.toLowerCase() === 'true',
    nonce: state === undefined || state.kind === 'invalid' ? 'not-issued-here' : state.issue,
  };
}

/** Checks one credentials field; never throws on what a client sends. */
export async function checkCaseCredentials(input: CredentialsInput): Promise<CredentialsResult> {
  const { field, fieldValue, ctx } = input;
  const fingerprint = credentialsFingerprint(ctx, fieldValue);
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) {
    const shape: CredentialsShape = { kind: 'malformed', length: fieldValue.length, problem: parsed.error.message };
    // The scheme is still worth naming when what follows it does not parse (RFC 9110 §11.1: a token).
    const scheme = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(fieldValue)?.[0] ?? '';
    return { sent: { field, scheme, shape, check: refused('malformed', parsed.error.message), fingerprint }, malformed: true };
  }
  const credentials = parsed.value;
  const scheme = credentials.scheme;
  const sent = (shape: CredentialsShape, check: CredentialsCheck, extra: Partial<ObservedCredentials> = {}): ObservedCredentials => ({
    field,
    scheme,
    shape,
    check,
    fingerprint,
    ...extra,
  });
  const lower = scheme.toLowerCase();
  const notOffered = !offers(input.offered, scheme);
  const notOfferedCheck = refused('not-offered', `The lab did not offer ${scheme} here.`);
  switch (lower) {
    case 'basic': {
      const { shape, check } = checkBasic(input, credentials);
      return { sent: sent(shape, notOffered ? notOfferedCheck : check), malformed: !notOffered && shape.kind === 'malformed' };
    }
    case 'bearer': {
      const { shape, check } = checkBearer(input);
      return { sent: sent(shape, notOffered ? notOfferedCheck : check), malformed: !notOffered && shape.kind === 'malformed' };
    }
    case 'digest': {
      const digest = digestFacts(input, credentials);
      const shape: CredentialsShape = { kind: 'digest', params: { ...credentials.params } };
      if (notOffered) return { sent: sent(shape, notOfferedCheck, { digest }), malformed: false };
      const result = await checkDigestForCase(input, credentials);
      return { sent: sent(shape, result.check, { digest }), malformed: result.malformed, ...(result.exchange ? { exchange: result.exchange } : {}) };
    }
    case 'ntlm':
    case 'negotiate': {
      const shape = handshakeShape(lower === 'ntlm' ? 'NTLM' : 'Negotiate', fieldValue);
      if (notOffered) return { sent: sent(shape, notOfferedCheck), malformed: false };
      const result = await checkHandshakeForCase(input, credentials, lower === 'ntlm' ? 'NTLM' : 'Negotiate');
      return {
        sent: sent(shape, result.check),
        malformed: result.malformed,
        ...(result.challenge ? { handshakeChallenge: result.challenge } : {}),
        ...(result.fields ? { grantFields: result.fields } : {}),
      };
    }
    default:
      return {
        sent: sent(otherShape(credentials, fieldValue), notOffered ? notOfferedCheck : refused('unsupported', `The lab does not verify ${scheme}.`)),
        malformed: false,
      };
  }
}
