import { createConnectionAuth, handshakeBudget, type ConnectionAuth } from '../connection';
import type { ConnectionMode } from '../scenario/client-profile';
import type { ConnectionView } from './input';

// The TCP connections of one simulated conversation. NTLM and Negotiate bind their handshake to one
// (MS-NLMP §3.1.5), so the exchange hands the engine a ConnectionAuth per connection, as server.ts does per
// socket, numbered from 1 in the order the client opens them. A keep-alive client sends every request on
// the first (HTTP/1.1's default, RFC 9112 §9.3); a new-per-request client closes each after its response.

export class SimulatedConnections {
  // Each conversation has its own budget: its handshakes never count against the real server's.
  private readonly budget = handshakeBudget();
  private current: ConnectionAuth | undefined;
  private opened = 0;

  /** The connection the next request goes on, and whether the client opened it for this request. */
  forRequest(mode: ConnectionMode): { connection: ConnectionAuth; view: ConnectionView } {
    if (this.current && mode === 'keep-alive') return { connection: this.current, view: { id: this.current.id, opened: false } };
    this.current?.close();
    this.opened += 1;
    this.current = createConnectionAuth(this.opened, this.budget);
    return { connection: this.current, view: { id: this.current.id, opened: true } };
  }
}
