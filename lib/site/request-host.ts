import * as z from 'zod';

// A request's Host field, believed only when it is a plain host[:port] (RFC 9110 §7.2, RFC 3986 §3.2.2):
// a DNS name, an IPv4 address or a bracketed IPv6 one, and an optional port. Anything else (a quote, a
// slash, user info, whitespace, a second port) is not used to build an address the lab writes out.
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = `(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])`;

export const hostFieldSchema = z
  .string()
  .max(261)
  .regex(new RegExp(`^${HOST}(?::(\\d{1,5}))?$`), 'not a host[:port]')
  .refine((host) => Number(/:(\d{1,5})$/.exec(host)?.[1] ?? '0') <= 65_535, 'port out of range')
  .refine((host) => URL.canParse(`http://${host}`), 'not a host[:port]');

/** The origin a request reached: `protocol` and its Host when that is a sane host[:port], else undefined. */
export function hostOrigin(protocol: string, host: string | null): URL | undefined {
  const parsed = hostFieldSchema.safeParse(host);
  return parsed.success ? new URL(`${protocol}//${parsed.data}`) : undefined;
}

/** The origin a request reached: its Host, when that is a plain host[:port], else the request URL's. */
export function requestOrigin(requestUrl: string, host: string | null): URL {
  const url = new URL(requestUrl);
  return hostOrigin(url.protocol, host) ?? new URL(url.origin);
}
