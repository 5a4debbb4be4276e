import type { SandboxContext } from '../context';
import { evaluateProxyHop } from '../engine/engine';
import type { SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { orStoreUnavailable } from '../store-unavailable';
import { labUsers } from '../scenario/presets';
import { layerSchema, type Layer } from '../scenario/scenario';
import { tunnelTarget, type LabAddress } from './tunnel-target';

// The lab's answer to CONNECT (RFC 9110 §9.3.6): an authenticating proxy for tunnels to itself only. The
// target is checked first, so a tunnel elsewhere is refused before anyone is asked for credentials (403,
// not 407: no credentials would make it allowed). Then the tunnel's own proxy hop asks with 407 and
// Proxy-Authenticate, in Basic, Digest or NTLM, like a corporate proxy. server.ts carries the verdict out.

export type ConnectAnswer =
  /** Answer and keep reading the connection: a 407 is followed by the client's next CONNECT on it (NTLM needs that). */
  | { kind: 'respond'; response: SandboxResponse; keepAlive: boolean }
  /** 2xx: the connection becomes a tunnel to the lab itself. */
  | { kind: 'tunnel'; user: string; scheme: string };

/** Bounds on the tunnels one server keeps open at once, on each one's lifetime and on the bytes it carries. */
export const TUNNEL_LIMITS = { open: 32, lifetimeMs: 120_000, bytes: 1024 * 1024 } as const;

/** The answer once a tunnel has carried its TUNNEL_LIMITS.bytes (server.ts then closes the connection). */
export function tunnelSpent(): SandboxResponse {
  const detail = `This tunnel has carried more than ${TUNNEL_LIMITS.bytes} bytes, the most the lab allows one tunnel; open a new one.`;
  return problemResponse({ status: 503, detail });
}

let tunnelLayer: Layer | undefined;

/** The tunnel's proxy: realm "lab-tunnel", the lab's users, Basic, Digest and NTLM offered in that order. */
export function tunnelProxyLayer(): Layer {
  tunnelLayer ??= layerSchema.parse({
    realm: 'lab-tunnel',
    schemes: [{ kind: 'basic' }, { kind: 'digest', algorithms: ['SHA-256', 'MD5'] }, { kind: 'ntlm' }],
    users: labUsers(),
  });
  return tunnelLayer;
}

export async function answerConnect(request: SandboxRequest, lab: LabAddress, ctx: SandboxContext, openTunnels: number): Promise<ConnectAnswer> {
  const target = tunnelTarget(request.target, lab);
  switch (target.kind) {
    case 'invalid':
      return { kind: 'respond', response: problemResponse({ status: 400, detail: target.detail }), keepAlive: false };
    case 'elsewhere':
      return { kind: 'respond', response: problemResponse({ status: 403, detail: target.detail }), keepAlive: false };
    case 'self':
      break;
    default: {
      const never: never = target;
      return never;
    }
  }
  const verdict = await orStoreUnavailable(
    () => evaluateProxyHop(tunnelProxyLayer(), request, ctx),
    (response) => ({ kind: 'unavailable' as const, response }),
    'CONNECT',
    ctx.now,
  );
  if (verdict.kind === 'unavailable') return { kind: 'respond', response: verdict.response, keepAlive: false };
  if (verdict.kind === 'refused') return { kind: 'respond', response: verdict.response, keepAlive: verdict.response.status !== 400 };
  if (openTunnels >= TUNNEL_LIMITS.open) {
    const detail = `The lab already has ${TUNNEL_LIMITS.open} tunnels open, as many as it allows; try again in a moment.`;
    return { kind: 'respond', response: problemResponse({ status: 503, detail }, [['Retry-After', '5']]), keepAlive: false };
  }
  return { kind: 'tunnel', user: verdict.user, scheme: verdict.scheme };
}
