import { BlockList, isIP } from 'node:net';
import { normaliseAddress } from './client-address';

// TRUST_PROXY and what a trusted proxy may tell the server: the client's address (X-Forwarded-For) and
// the scheme the client used (X-Forwarded-Proto). These fields are de facto standards; RFC 7239
// standardised their successor, Forwarded, and its §8.1 says why neither can be believed from just
// anyone: any client can write them. So they are read only when the peer itself is a trusted proxy.
//
//   TRUST_PROXY=loopback                   127.0.0.0/8 and ::1 (nginx on the same host)
//   TRUST_PROXY=10.0.0.0/8,192.0.2.7,fd00::/8   addresses and CIDR ranges, comma-separated

export type TrustedProxies = {
  /** Is this (normalised) peer address one of ours? */
  trusts(address: string): boolean;
  readonly any: boolean;
};

export const NO_TRUSTED_PROXIES: TrustedProxies = { trusts: () => false, any: false };

export function trustedProxiesFromEnvironment(value: string | undefined): { ok: true; value: TrustedProxies } | { ok: false; error: string } {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: true, value: NO_TRUSTED_PROXIES };
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(prefix ?? '') || bits > maxBits))) {
      return {
        ok: false,
        error: `TRUST_PROXY: ${JSON.stringify(entry)} is not an IP address, a CIDR range such as 10.0.0.0/8, or "loopback" (separate several with commas).`,
      };
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { ok: true, value: { trusts: (address) => list.check(address, address.includes(':') ? 'ipv6' : 'ipv4'), any: true } };
}

/** The comma-separated elements of every field line named `name` (lower case), in order (RFC 9110 §5.3). */
function listElements(raw: readonly string[], name: string): string[] {
  const elements: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const field = raw[i] ?? '';
    if (field.length === name.length && field.toLowerCase() === name) {
      for (const element of (raw[i + 1] ?? '').split(',')) elements.push(element.trim());
    }
  }
  return elements;
}

/** One X-Forwarded-For element: an address, possibly with a port ("192.0.2.1:4711", "[2001:db8::1]:4711"). */
function forwardedAddress(element: string): string | undefined {
  let address = element;
  if (address.startsWith('[')) address = address.slice(1, address.indexOf(']') === -1 ? undefined : address.indexOf(']'));
  else if (address.indexOf(':') !== -1 && address.indexOf(':') === address.lastIndexOf(':')) address = address.slice(0, address.indexOf(':'));
  return normaliseAddress(address);
}

/**
 * The client's address. Without a trusted peer it is the peer's own. Behind trusted proxies, each one
 * appends the address it received the request from to X-Forwarded-For, so the list is read from the
 * right, skipping our own proxies: the first address that is not one of them is the client (the
 * "right-most untrusted address" practice; everything left of it was written by the client or its
 * side, and could be anything). An element that is not an address where a trusted proxy should have
 * written one, or a missing field, leaves the last trusted hop as the client: the limit then falls on
 * the proxy's address, which limits more, never less.
 */
export function clientAddress(peer: string, raw: readonly string[], trusted: TrustedProxies): string {
  if (!trusted.any || !trusted.trusts(peer)) return peer;
  const chain = listElements(raw, 'x-forwarded-for');
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = forwardedAddress(chain[i] ?? '');
    if (hop === undefined) return client;
    client = hop;
    if (!trusted.trusts(hop)) return hop;
  }
  // Every hop was one of ours: the left-most is where the request entered.
  return client;
}

/**
 * Did the request reach us over HTTPS? Over a TLS socket, yes. Otherwise only a trusted proxy may say
 * so, in X-Forwarded-Proto; the right-most value is the one that proxy wrote (a proxy should set the
 * field, not append to it: nginx `proxy_set_header X-Forwarded-Proto $scheme`).
 */
export function arrivedOverHttps(encrypted: boolean, peer: string, raw: readonly string[], trusted: TrustedProxies): boolean {
  if (encrypted) return true;
  if (!trusted.any || !trusted.trusts(peer)) return false;
  const protos = listElements(raw, 'x-forwarded-proto');
  return protos[protos.length - 1]?.toLowerCase() === 'https';
}
