import type { Credentials, DigestExchange } from '@/lib/http-auth';
import type { SandboxContext } from '../../context';
import type { SandboxRequest } from '../../message';
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
  { kind: 'none' } | { kind: 'bearer-invalid-request' } | { kind: 'bearer-invalid-token'; description: string } | { kind: 'digest-stale' };

export type AuthOutcome =
  | {
      kind: 'authenticated';
      user: string;
      scheme: 'Basic' | 'Bearer' | 'Digest';
      roles: string[];
      /** Bearer only: the token's scopes. */
      scopes?: string[];
      /** Digest only: what Authentication-Info is computed from. */
      digest?: DigestExchange;
      trace: TraceStep[];
    }
  | { kind: 'refused'; status: 400 | 401; detail: string; hint: ChallengeHint; trace: TraceStep[] };

export function refused(status: 400 | 401, detail: string, trace: TraceStep[], hint: ChallengeHint = { kind: 'none' }): AuthOutcome {
  return { kind: 'refused', status, detail, hint, trace };
}
