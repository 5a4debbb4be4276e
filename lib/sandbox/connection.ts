import type { NtlmAvPairs } from '@/lib/http-auth';
import type { Hop } from './engine/trace';

// NTLM and Negotiate authenticate a connection, not a request: the CHALLENGE a server sends is good only
// for the AUTHENTICATE that comes back on the same connection (MS-NLMP §3.1.5, §3.2.5; RFC 4559 §4 leaves
// the binding to the mechanism). What one connection remembers between its requests lives here, never in
// the engine: server.ts keeps one beside each socket and drops it when the socket closes, and the exchange
// keeps one per simulated connection. The engine reads and writes it through this interface only.

export type ConnectionScheme = 'NTLM' | 'Negotiate';

/** The first two legs of a handshake, waiting for the client's AUTHENTICATE on this connection. */
export type PendingHandshake = {
  scheme: ConnectionScheme;
  /** How the client wrapped NTLM under Negotiate: raw, as Windows servers accept, or inside SPNEGO (RFC 4178). */
  wrapping: 'raw' | 'spnego';
  /** The NEGOTIATE and CHALLENGE as sent: the MIC covers all three messages (MS-NLMP §3.2.5.1.2). */
  negotiate: Uint8Array;
  challenge: Uint8Array;
  serverChallenge: Uint8Array;
  /** The CHALLENGE's target info: the client must echo its MsvAvTimestamp. */
  targetInfo: NtlmAvPairs | undefined;
};

/**
 * Who a completed handshake authenticated; later requests on the connection are theirs (as IIS does), in
 * the realm it authenticated them for: one connection may pass two proxies of the lab (the tunnel's, then
 * a preset's inside the tunnel), and the second has not authenticated anyone.
 */
export type ConnectionUser = { user: string; domain: string; scheme: ConnectionScheme; roles: string[]; realm: string };

export type ConnectionAuth = {
  /** How the learner sees it: "connection 3", numbered in the order the server accepted them. */
  readonly id: number;
  pending(hop: Hop): PendingHandshake | undefined;
  /** Keeps a handshake until its AUTHENTICATE; false when the server already holds its limit of them. */
  begin(hop: Hop, handshake: PendingHandshake): boolean;
  /** The AUTHENTICATE arrived: the CHALLENGE is spent, whatever the verdict (one answer per challenge). */
  finish(hop: Hop): void;
  authenticated(hop: Hop): ConnectionUser | undefined;
  authenticate(hop: Hop, user: ConnectionUser): void;
  /** Has any hop of this connection been authenticated? A request without credentials may still be let through. */
  isAuthenticated(): boolean;
  /** The connection closed: forget everything and give its handshakes back to the budget. */
  close(): void;
};

/** How many handshakes may wait for their AUTHENTICATE at once, across every connection of a server. */
export type HandshakeBudget = { inProgress: number; readonly limit: number };

export const HANDSHAKES_IN_PROGRESS_LIMIT = 1_000;

export function handshakeBudget(limit: number = HANDSHAKES_IN_PROGRESS_LIMIT): HandshakeBudget {
  return { inProgress: 0, limit };
}

export function createConnectionAuth(id: number, budget: HandshakeBudget): ConnectionAuth {
  const pending = new Map<Hop, PendingHandshake>();
  const users = new Map<Hop, ConnectionUser>();
  const release = (hop: Hop) => {
    if (pending.delete(hop)) budget.inProgress--;
  };
  return {
    id,
    pending: (hop) => pending.get(hop),
    begin(hop, handshake) {
      if (!pending.has(hop)) {
        if (budget.inProgress >= budget.limit) return false;
        budget.inProgress++;
      }
      pending.set(hop, handshake);
      // A new handshake on this hop replaces what it had authenticated (the client starts over).
      users.delete(hop);
      return true;
    },
    finish: release,
    authenticated: (hop) => users.get(hop),
    authenticate(hop, user) {
      users.set(hop, user);
    },
    isAuthenticated: () => users.size > 0,
    close() {
      release('proxy');
      release('origin');
      users.clear();
    },
  };
}
