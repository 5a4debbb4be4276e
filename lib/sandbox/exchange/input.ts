import * as z from '@/lib/zod';
import { clientProfileSchema } from '../scenario/client-profile';
import type { HeaderList } from '../message';
import type { Hop, TraceStep } from '../engine/trace';

// What crosses /api/exchange: the request description in, the transcript out. Kept apart from the
// engine so the browser bundle (playground state, share links) gets the schema without the engine.

import { SANDBOX_PREFIX } from '../routes/paths';

/** RFC 9110 §5.1 field-name = token; §5.5 field-value: no CR, LF or NUL, so nothing can be injected. */
const headerName = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP token'));
const headerValue = z.string().check(z.maxLength(8192), z.regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must not contain CR, LF or other control characters'));
/** One header field as [name, value]; share links check each one on its own. */
export const headerFieldSchema = z.tuple([headerName, headerValue]);

const signInText = z.string().check(z.maxLength(128), z.regex(/^[^\x00-\x1f\x7f]*$/, 'must not contain control characters'));
/**
 * oauth mode: what the learner does on the authorization server's consent page. Empty and wrong values
 * are allowed on purpose: the page then comes back with its error, which is what the learner should see.
 */
export const signInSchema = z.object({
  username: signInText,
  password: signInText,
  decision: z.enum(['allow', 'deny']),
  /** The one-time code typed when the page asks for one (after a step-up, RFC 9470 §4); empty or absent: the code the page shows. */
  otp: z.optional(signInText),
});
export type SignIn = z.infer<typeof signInSchema>;
export const DEFAULT_SIGN_IN: SignIn = { username: 'alice', password: 'wonderland', decision: 'allow' };

export const EXCHANGE_MODES = ['manual', 'auto', 'oauth'] as const;
export type ExchangeMode = (typeof EXCHANGE_MODES)[number];

export const exchangeInputSchema = z.object({
  request: z.object({
    method: z.string().check(z.regex(/^[A-Z]{1,16}$/, 'must be an upper-case method such as GET')),
    target: z.string().check(
      z.maxLength(2048),
      z.regex(/^\/[\x21-\x7e]*$/, 'must be a path with an optional query, no spaces'),
      z.refine((target) => target.startsWith(`${SANDBOX_PREFIX}/`), `must start with ${SANDBOX_PREFIX}/ (the playground only talks to the sandbox)`),
    ),
    headers: z._default(z.array(headerFieldSchema).check(z.maxLength(50)), []),
    body: z._default(z.string().check(z.maxLength(65_536)), ''),
  }),
  /** manual: one request; auto: the client answers challenges; oauth: the client follows a 401's resource_metadata to a token (RFC 9728). */
  mode: z._default(z.enum(EXCHANGE_MODES), 'manual'),
  /** What the client holds in auto mode; defaults to the preset's. */
  client: z.optional(clientProfileSchema),
  /** oauth mode: how the learner signs in on the consent page; defaults to alice, allowing. */
  signIn: z.optional(signInSchema),
});
export type ExchangeInput = z.input<typeof exchangeInputSchema>;

export type MessageView = { method: string; target: string; headers: HeaderList; body: string; raw: string };
export type ResponseView = { status: number; headers: HeaderList; body: string; raw: string };
/**
 * oauth mode: who sends a request and who answers it (RFC 6749 §1.1's roles), and what the hop is. The
 * consent page's two requests are the browser's: the client only opens the URL (RFC 6749 §4.1.1).
 */
export type ChainHop = {
  sender: 'client' | 'browser';
  receiver: 'resource-server' | 'authorization-server';
  /** What the hop is, with its RFC section. */
  title: string;
  /** A few words for the sequence diagram's arrow. */
  label: string;
};

/** The simulated TCP connection a request went on: numbered from 1, and whether the client opened it for this request. */
export type ConnectionView = { id: number; opened: boolean };

export type ExchangeStep = {
  request: MessageView;
  /** What the proxy forwarded to the origin, when the request got past the proxy. */
  forwarded?: MessageView;
  response: ResponseView;
  respondedBy: Hop;
  trace: (TraceStep & { text: string })[];
  /**
   * manual and auto modes: the connection the request went on. NTLM and Negotiate authenticate a
   * connection, so the learner sees the handshake stay on one, or break when a request opens another.
   */
  connection?: ConnectionView;
  /** oauth mode only: the hop of the chain this step is. */
  chain?: ChainHop;
  /** What the client does next, and why: retry the same request, follow the chain to its next hop, or stop. */
  next: { kind: 'retry' | 'follow' | 'stop'; explanation: string };
};
export type Transcript = { mode: ExchangeMode; preset?: { id: string; title: string; summary: string }; steps: ExchangeStep[] };
