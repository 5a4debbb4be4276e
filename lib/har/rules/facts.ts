import { type Challenge, getParam, parseChallenges } from '@/lib/http-auth';
import { headerValues } from '@/lib/sandbox/message';
import type { JwtShape, SecretShape } from '../secret-shape';
import type { RedactedExchange } from '../redact';

// What the rules read from a redacted exchange, in one place: the credentials a request sent (their scheme,
// the vault id that says "the same secret again", and their shape: Basic's user-id, a JWT's claims), the
// challenges a response made (parsed by lib/http-auth, the parser that explains the lab's own responses),
// and a few facts about origins and times. Never a secret: only what redaction left.

export type CredentialsOnHop = {
  /** The scheme as the client spelled it. */
  scheme: string;
  /** The redaction's id: equal ids, equal secrets (secret-vault.ts). */
  id?: string;
  shape?: SecretShape;
};

type CredentialsField = 'Authorization' | 'Proxy-Authorization';

/** The credentials a request carried in `field`, one per field line, with what redaction kept of them. */
export function sentCredentials(exchange: RedactedExchange, field: CredentialsField = 'Authorization'): CredentialsOnHop[] {
  const where = `request ${exchange.index + 1} ${field.toLowerCase()}`;
  const redactions = exchange.redactions.filter((r) => r.where.toLowerCase() === where || r.where.toLowerCase() === `${where}, digest response`);
  return headerValues(exchange.request.headers, field)
    .filter((value) => value.trim() !== '')
    .map((value, at) => {
      const scheme = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(value.trim())?.[0] ?? '';
      const redaction = redactions[at];
      return { scheme, ...(redaction ? { id: redaction.id, shape: redaction.shape } : {}) };
    });
}

/** The first credentials of `field`, or undefined when the request carried none. */
export const firstCredentials = (exchange: RedactedExchange, field: CredentialsField = 'Authorization'): CredentialsOnHop | undefined =>
  sentCredentials(exchange, field)[0];

/** A Bearer (or DPoP) token's JWT header and claims, when the token is a JWT. */
export function sentJwt(exchange: RedactedExchange): JwtShape | undefined {
  const sent = firstCredentials(exchange);
  return sent?.shape?.kind === 'credentials' ? sent.shape.jwt : undefined;
}

/** Digest credentials' parameters as sent (all but `response`, which redaction hid). */
export function sentDigestParams(exchange: RedactedExchange): Record<string, string> | undefined {
  const sent = firstCredentials(exchange);
  if (sent?.scheme.toLowerCase() !== 'digest' || sent.shape?.kind !== 'credentials' || sent.shape.shape.kind !== 'digest') return undefined;
  return sent.shape.shape.params;
}

/** The challenges of a response's WWW-Authenticate (or Proxy-Authenticate) lines; none when they do not parse. */
export function challenges(exchange: RedactedExchange, field: 'WWW-Authenticate' | 'Proxy-Authenticate' = 'WWW-Authenticate'): Challenge[] {
  const lines = headerValues(exchange.response.headers, field).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const parsed = parseChallenges(lines);
  return parsed.ok ? parsed.value : [];
}

/** The challenges of one scheme, compared case-insensitively (RFC 9110 §11.1). */
export const challengesOf = (exchange: RedactedExchange, scheme: string, field?: 'WWW-Authenticate' | 'Proxy-Authenticate'): Challenge[] =>
  challenges(exchange, field).filter((c) => c.scheme.toLowerCase() === scheme.toLowerCase());

export { getParam };

/** Whether the request carried a header field at all. */
export const requestHas = (exchange: RedactedExchange, name: string): boolean => headerValues(exchange.request.headers, name).length > 0;

/**
 * A loopback origin: traffic that never leaves the machine, and a browser treats as potentially trustworthy
 * (W3C Secure Contexts), so plain http:// to it exposes nothing on a network.
 */
export function isLoopback(origin: string): boolean {
  const host = origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/:\d+$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/** When the server answered: the response's Date (RFC 9110 §6.6.1), else when the request started. */
export function answeredAt(exchange: RedactedExchange): number | undefined {
  const date = headerValues(exchange.response.headers, 'Date')[0];
  const parsed = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(parsed) ? exchange.startedAt : parsed;
}

/** A duration in words a reader takes in at a glance: "40 seconds", "3 minutes", "2 hours", "5 days". */
export function inWords(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const [amount, unit] =
    seconds < 120
      ? [seconds, 'second']
      : seconds < 7200
        ? [Math.round(seconds / 60), 'minute']
        : seconds < 172800
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / 86400), 'day'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** "GET https://api.example/reports": how a finding names a request. */
export const requestLine = (exchange: RedactedExchange): string => `${exchange.request.method} ${exchange.request.url}`;

/** What the server said of a refused token in its Bearer challenge: `error="invalid_token" ("…")`, or ''. */
export function serverSaid(exchange: RedactedExchange): string {
  const challenge = challengesOf(exchange, 'Bearer').find((c) => getParam(c.params, 'error') !== undefined);
  if (!challenge) return '';
  const description = getParam(challenge.params, 'error_description');
  return ` (the server said error="${getParam(challenge.params, 'error') ?? ''}"${description ? `, "${description}"` : ''})`;
}
