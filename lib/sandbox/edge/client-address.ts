import { isIP } from 'node:net';

// Who a request is from, as the rate limiter counts it: an IP address, with IPv6 grouped by /64.

const MAPPED_PREFIX = '::ffff:';

/**
 * The address in one canonical spelling per family: an IPv4-mapped IPv6 address (what a dual-stack
 * socket reports for an IPv4 peer, e.g. ::ffff:127.0.0.1) becomes the IPv4 address, and an IPv6
 * zone (fe80::1%eth0) is dropped. Returns undefined for anything that is not an IP address.
 */
export function normaliseAddress(address: string): string | undefined {
  if (
    address.length > MAPPED_PREFIX.length &&
    address.slice(0, MAPPED_PREFIX.length).toLowerCase() === MAPPED_PREFIX &&
    isIP(address.slice(MAPPED_PREFIX.length)) === 4
  ) {
    return address.slice(MAPPED_PREFIX.length);
  }
  const zone = address.indexOf('%');
  const bare = zone === -1 ? address : address.slice(0, zone);
  switch (isIP(bare)) {
    case 4:
      return bare;
    case 6: {
      const groups = ipv6Groups(bare);
      // ::ffff:102:304 is the same mapped address written in hex.
      if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
        const [high = 0, low = 0] = groups.slice(6);
        return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
      }
      return groups.map((group) => group.toString(16)).join(':');
    }
    default:
      return undefined;
  }
}

/** The eight 16-bit groups of a valid IPv6 address (isIP already said 6). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const gap = address.indexOf('::');
  if (gap === -1) return parse(address);
  const head = parse(address.slice(0, gap));
  const tail = parse(address.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * The rate limiter's key for a normalised address. IPv4: the address itself (a school or office behind
 * NAT shares one, so one bucket; the default limit is sized for that). IPv6: the /64 prefix, because a
 * network gives each customer or site at least a /64 and a single host can take any address in it
 * (privacy addresses, RFC 8981, change on their own), so per-address buckets would cost an attacker
 * nothing to escape and would fill the table; RFC 4291 §2.5.4 makes /64 the usual interface-ID split.
 */
export function rateLimitKey(address: string): string {
  if (!address.includes(':')) return address;
  return `${address.split(':').slice(0, 4).join(':')}::/64`;
}
