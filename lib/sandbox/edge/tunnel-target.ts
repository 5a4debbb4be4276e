import { isIP } from 'node:net';
import { normaliseAddress } from './client-address';

// Where a CONNECT asks to go (RFC 9110 §9.3.6), and whether that is the lab itself. The lab opens tunnels
// to itself only, so a learner can watch the 407 before the tunnel and the 401 inside it; a tunnel to
// anywhere else would make it an open proxy. The answer comes from the authority as written and the
// socket's own address: a name is never resolved, and no connection is ever opened to the target.

export type TunnelTarget = { kind: 'self' } | { kind: 'elsewhere'; detail: string } | { kind: 'invalid'; detail: string };

/** How the client reached the lab: the socket's local address and port, and the public origin (SITE_URL) if set. */
export type LabAddress = { localAddress: string; localPort: number; publicOrigin?: string };

const NOT_AN_OPEN_PROXY =
  'The lab is not an open proxy: it opens a tunnel only to itself (the host and port you reached it at), so you can watch the 407 before the tunnel and the 401 inside it. It made no connection to the host you named.';

/** RFC 9112 §3.2.3: authority-form is uri-host ":" port, nothing else (no scheme, path or user info). */
function splitAuthority(authority: string): { host: string; port: number } | undefined {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(authority);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) return undefined;
  const host = (match[1] ?? '').toLowerCase();
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\./.test(address);
}

/** The host names and ports that are the lab, for this socket. */
function labAuthorities(lab: LabAddress): Array<{ host: string; port: number }> {
  const local = normaliseAddress(lab.localAddress);
  const own = local === undefined ? [] : [{ host: local, port: lab.localPort }];
  const loopback = local !== undefined && isLoopback(local) ? [{ host: 'localhost', port: lab.localPort }] : [];
  let site: Array<{ host: string; port: number }> = [];
  if (lab.publicOrigin && URL.canParse(lab.publicOrigin)) {
    const url = new URL(lab.publicOrigin);
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    site = [
      { host, port },
      { host, port: lab.localPort },
    ];
  }
  return [...own, ...loopback, ...site];
}

export function tunnelTarget(authority: string, lab: LabAddress): TunnelTarget {
  const target = splitAuthority(authority);
  if (!target) {
    return {
      kind: 'invalid',
      detail: 'A CONNECT request-target is a host and a port, such as lab.example:80 or [::1]:3000 (authority-form, RFC 9112 §3.2.3); this one is not.',
    };
  }
  const host = isIP(target.host) ? (normaliseAddress(target.host) ?? target.host) : target.host;
  const self = labAuthorities(lab).some((own) => own.host === host && own.port === target.port);
  return self ? { kind: 'self' } : { kind: 'elsewhere', detail: NOT_AN_OPEN_PROXY };
}
