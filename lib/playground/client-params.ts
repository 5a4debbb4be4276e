import { clientProfileSchema, heldSecretSchema, type ClientProfile, type HeldSecret } from '@/lib/sandbox/scenario/client-profile';

// What the simulated client holds, as short share-link parameters. One letter for the hop (c: the
// origin, p: the proxy), one for the part: cu/cp/cc = user, password, charset of a password;
// ct/cs/csub = kind, scope (space-separated, RFC 6750 §3), subject of a token. stale=1 for
// staleNonceFirst, conn=new for a client that opens a new connection per request, client=none for a
// client holding nothing at all. Defaults are left out.

type Hop = 'origin' | 'proxy';
const PREFIX: Record<Hop, string> = { origin: 'c', proxy: 'p' };
const PARTS = ['u', 'p', 'c', 't', 's', 'sub'] as const;

export const CLIENT_PARAMS: readonly string[] = [...PARTS.map((part) => `c${part}`), ...PARTS.map((part) => `p${part}`), 'stale', 'conn', 'client'];

function encodeSecret(secret: HeldSecret, prefix: string): [string, string][] {
  switch (secret.kind) {
    case 'none':
      return [];
    case 'password':
      return [
        [`${prefix}u`, secret.user],
        [`${prefix}p`, secret.password],
        ...(secret.charset === 'UTF-8' ? [] : [[`${prefix}c`, secret.charset] as [string, string]]),
      ];
    case 'token':
      return [
        [`${prefix}t`, secret.token],
        ...(secret.scope.length > 0 ? [[`${prefix}s`, secret.scope.join(' ')] as [string, string]] : []),
        ...(secret.subject === 'alice' ? [] : [[`${prefix}sub`, secret.subject] as [string, string]]),
      ];
    default: {
      const never: never = secret;
      return never;
    }
  }
}

/** The whole profile as parameters: never empty, so "nothing" is told apart from "the preset's". */
export function encodeClient(client: ClientProfile): [string, string][] {
  const params = [
    ...encodeSecret(client.origin, 'c'),
    ...encodeSecret(client.proxy, 'p'),
    ...(client.staleNonceFirst ? [['stale', '1'] as [string, string]] : []),
    ...(client.connections === 'new-per-request' ? [['conn', 'new'] as [string, string]] : []),
  ];
  return params.length > 0 ? params : [['client', 'none']];
}

const issueText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)).join('; ');

function decodeSecret(query: URLSearchParams, hop: Hop, fallback: HeldSecret, problems: string[]): HeldSecret {
  const prefix = PREFIX[hop];
  const get = (part: (typeof PARTS)[number]) => query.get(`${prefix}${part}`);
  const password = get('u') !== null || get('p') !== null || get('c') !== null;
  const token = get('t') !== null || get('s') !== null || get('sub') !== null;
  if (!password && !token) return { kind: 'none' };
  if (password && token) {
    problems.push(`The ${hop} credentials name both a password (${prefix}u, ${prefix}p) and a token (${prefix}t): kept the preset's.`);
    return fallback;
  }
  const candidate = password
    ? { kind: 'password', user: get('u'), password: get('p'), charset: get('c') ?? undefined }
    : { kind: 'token', token: get('t'), subject: get('sub') ?? undefined, scope: (get('s') ?? '').split(' ').filter(Boolean) };
  const result = heldSecretSchema.safeParse(candidate);
  if (result.success) return result.data;
  problems.push(`The ${hop} credentials are not valid (${issueText(result.error.issues)}): kept the preset's.`);
  return fallback;
}

/** The profile the parameters describe, or undefined when they describe none (the preset's then applies). */
export function decodeClient(query: URLSearchParams, fallback: ClientProfile, problems: string[]): ClientProfile | undefined {
  if (!CLIENT_PARAMS.some((name) => query.has(name))) return undefined;
  const marker = query.get('client');
  if (marker !== null && marker !== 'none') {
    problems.push(`client=${marker} is not understood (only client=none is): ignored.`);
    if (!CLIENT_PARAMS.some((name) => name !== 'client' && query.has(name))) return undefined;
  }
  const stale = query.get('stale');
  if (stale !== null && stale !== '1' && stale !== '0') problems.push(`stale=${stale} is not 1 or 0: taken as 0.`);
  const conn = query.get('conn');
  if (conn !== null && conn !== 'new' && conn !== 'keep') problems.push(`conn=${conn} is not new or keep: kept the connection alive.`);
  return clientProfileSchema.parse({
    origin: decodeSecret(query, 'origin', fallback.origin, problems),
    proxy: decodeSecret(query, 'proxy', fallback.proxy, problems),
    staleNonceFirst: stale === '1',
    connections: conn === 'new' ? 'new-per-request' : 'keep-alive',
  });
}
