import {
  type Challenge,
  type DigestChallenge,
  type DigestQop,
  answerDigestChallenge,
  digestHA1,
  digestHA2,
  digestHex,
  formatCredentials,
  parseChallenges,
  readDigestChallenge,
} from '@/lib/http-auth';

// RFC 7616 §3.4 step by step for the Digest helper: which challenges can be answered, and every
// intermediate value of the answer, computed with the library so the steps and the header agree.

export type UsableChallenge = { label: string; challenge: Challenge; digest: DigestChallenge; notes: string[] };
export type ReadChallenges = { usable: UsableChallenge[]; ignored: string[]; unreadable?: string };

/** The Digest challenges in the field values; the others are ignored, with the reason in words. */
export function readChallenges(values: string[]): ReadChallenges {
  if (values.length === 0) return { usable: [], ignored: [] };
  const parsed = parseChallenges(values);
  if (!parsed.ok) return { usable: [], ignored: [], unreadable: parsed.error.message };
  const usable: UsableChallenge[] = [];
  const ignored: string[] = [];
  for (const challenge of parsed.value) {
    if (challenge.scheme.toLowerCase() !== 'digest') continue;
    const read = readDigestChallenge(challenge);
    if (!read.ok) {
      ignored.push(read.error.message);
      continue;
    }
    const d = read.value;
    const label = `Digest ${d.algorithm.name}, realm "${d.realm}"${d.stale ? ', stale' : ''}`;
    usable.push({ label, challenge, digest: d, notes: read.warnings.map((w) => w.message) });
  }
  return { usable, ignored };
}

export type DigestInput = {
  chosen: UsableChallenge;
  username: string;
  password: string;
  method: string;
  uri: string;
  body: string;
  qop: DigestQop | undefined;
  nc: number;
  cnonce: string;
};

export type DigestSteps = {
  /** H(username:realm:password) for -sess, where A1 hashes it again with both nonces. */
  sessionBase?: string;
  a1: string;
  ha1: string;
  hBody?: string;
  a2: string;
  ha2: string;
  kdData: string;
  response: string;
  qop: DigestQop | undefined;
  nc: string;
  header: string;
  /** The username parameter differs from the user name (userhash, or username* for non-ASCII). */
  usernameNote?: string;
};

export function digestSteps(input: DigestInput): { ok: true; steps: DigestSteps } | { ok: false; error: string } {
  const { chosen, username, password, method, uri, body, cnonce } = input;
  const d = chosen.digest;
  const answer = answerDigestChallenge({
    challenge: chosen.challenge,
    username,
    password,
    method,
    uri,
    body,
    nc: input.nc,
    cnonce,
    ...(input.qop ? { preferQop: input.qop } : {}),
  });
  if (!answer.ok) return { ok: false, error: answer.error.message };
  const { exchange, credentials } = answer.value;
  const hash = d.algorithm.hash;
  const base = `${username}:${d.realm}:${password}`;
  const sessionBase = d.algorithm.session
    ? digestHA1({ name: hash, hash, session: false }, { username, realm: d.realm, password }, { nonce: d.nonce, cnonce })
    : undefined;
  const a1 = sessionBase === undefined ? base : `${sessionBase}:${d.nonce}:${exchange.cnonce}`;
  const hBody = exchange.qop === 'auth-int' ? digestHex(hash, body) : undefined;
  const a2 = hBody === undefined ? `${method}:${uri}` : `${method}:${uri}:${hBody}`;
  const ha2 = digestHA2(hash, method, uri, exchange.qop, body);
  // RFC 7616 §3.4.1; without qop, the RFC 2069 form.
  const kdData = exchange.qop === undefined ? `${exchange.nonce}:${ha2}` : `${exchange.nonce}:${exchange.nc}:${exchange.cnonce}:${exchange.qop}:${ha2}`;
  let usernameNote: string | undefined;
  if (d.userhash) usernameNote = 'The server asked for userhash, so the username parameter is H(username ":" realm), not the name itself (RFC 7616 §3.4.4).';
  else if (credentials.params['username*'] !== undefined) usernameNote = 'A name outside ASCII goes in username* with RFC 8187 encoding (RFC 7616 §3.4.4).';
  const steps: DigestSteps = {
    a1,
    ha1: exchange.ha1,
    a2,
    ha2,
    kdData: `${exchange.ha1}:${kdData}`,
    response: credentials.params.response ?? '',
    qop: exchange.qop,
    nc: exchange.nc,
    header: formatCredentials(credentials),
  };
  if (sessionBase !== undefined) steps.sessionBase = sessionBase;
  if (hBody !== undefined) steps.hBody = hBody;
  if (usernameNote !== undefined) steps.usernameNote = usernameNote;
  return { ok: true, steps };
}
