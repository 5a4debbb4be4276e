import type { Credentials, DigestExchange } from '@/lib/http-auth';
import type { ConnectionScheme } from '../../connection';
import type { SandboxContext } from '../../context';
import type { HeaderList, SandboxRequest } from '../../message';
import type { Layer } from '../../scenario/scenario';
import type { Hop, TraceStep } from '../trace';

/** What a scheme module gets: one parsed credentials field, checked against one layer. */
export type AuthAttempt = {
  hop: Hop;
  layer: Layer;
  request: SandboxRequest;
  ctx: SandboxContext;
  /** The credentials field's value as received. */
  fieldValue: string;
  credentials: Credentials;
};

/**
 * How the next challenge should differ from a plain one. bearer-invalid-request goes with a 400 about
 * a Bearer token (RFC 6750 §3.1); a 400 about Basic or Digest credentials carries no challenge.
 */
export type ChallengeHint =
  | { kind: 'none' }
  | { kind: 'bearer-invalid-request' }
  | { kind: 'bearer-invalid-token'; description: string }
  | { kind: 'digest-stale' }
  /** The second leg of NTLM or Negotiate: that one challenge alone, carrying the server's token (MS-NLMP §3.2.5.1.1). */
  | { kind: 'connection-challenge'; scheme: ConnectionScheme; token: string };

export type AuthOutcome =
  | {
      kind: 'authenticated';
      user: string;
      scheme: 'Basic' | 'Bearer' | 'Digest' | ConnectionScheme;
      roles: string[];
      /** Bearer only: the token's scopes. */
      scopes?: string[];
      /** Digest only: what Authentication-Info is computed from. */
      digest?: DigestExchange;
      /** NTLM and Negotiate: the connection now authenticated, and whether this request reused it without credentials. */
      connection?: { id: number; reused: boolean };
      /** Fields the success response carries, e.g. Negotiate's final SPNEGO token (RFC 4559 §5). */
      fields?: HeaderList;
      trace: TraceStep[];
    }
  | { kind: 'refused'; status: RefusalStatus; detail: string; hint: ChallengeHint; trace: TraceStep[] };

/** 400 malformed, 401/407 challenge again, 503 the server holds too many NTLM handshakes to start another. */
export type RefusalStatus = 400 | 401 | 503;

export function refused(status: RefusalStatus, detail: string, trace: TraceStep[], hint: ChallengeHint = { kind: 'none' }): AuthOutcome {
  return { kind: 'refused', status, detail, hint, trace };
}
