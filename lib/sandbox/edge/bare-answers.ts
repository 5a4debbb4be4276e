import type { SandboxContext } from '../context';
import { freshNonce, NONCE_RANDOM_BYTES } from '../engine/challenges';
import { handleSandboxRequest, resolveScenario, scenarioBareTargets } from '../routes/router';
import { toNodeResponse, type FieldSummary, type NodeResponse } from '../http/node';
import { boundedMap } from '../store/bounded-map';
import { nodeNonceMaker } from './node-nonce';

// The sandbox's hottest request is a client's bare GET of a scenario: curl without -u, a browser before
// its dialog, every reader of every lesson, every experiment URL (?realm=…, ?algorithm=…) asked again.
// Without credentials the engine's answer depends on the target alone, but for a Digest challenge's fresh
// nonce: so it is computed by the engine once and sent as prepared bytes, the nonce filled in per
// response. This is what lets the sandbox's 401s keep pace with a bare node:http server (issue 23,
// bench:sandbox). server.ts sends them only where no handshake has authenticated the connection.

export type BareAnswer =
  | { kind: 'fixed'; response: NodeResponse }
  /** A Digest challenge: the same bytes but for the nonce, fresh in every response (RFC 7616 §3.3). */
  | { kind: 'nonce'; response: NodeResponse; slots: ReadonlyArray<{ index: number; pieces: readonly string[] }> };

export type BareAnswers = {
  /** The prepared answer for a bare request of this target, if there is one yet. */
  get(target: string): BareAnswer | undefined;
  /** Prepares a target first seen with a query, in the background, for its next request. */
  learn(target: string): void;
};

/** Targets with a query learnt at most: the oldest are forgotten, so no client grows memory. */
const LEARNT_TARGETS = 256;
/** A longer target is answered by the engine every time (no experiment URL is this long). */
const MAX_LEARNT_TARGET = 512;
/** The clock and "random" bytes of the probe that finds where the nonce goes. */
const PROBE_TIME = Date.UTC(2026, 0, 1);
const PROBE_RANDOM = new Uint8Array(12).fill(0x5a);

/**
 * The engine's answer to a bare GET of `target`, as prepared bytes, the nonce's places marked. Asked once
 * with a fixed clock and fixed random bytes, the engine gives a nonce known in advance; wherever it
 * appears, a fresh one goes. Undefined for a target that names no scenario (its answer may vary).
 */
export async function prepareBareAnswer(target: string, ctx: SandboxContext): Promise<BareAnswer | undefined> {
  if (resolveScenario(target).kind === 'other') return undefined;
  const probe: SandboxContext = { ...ctx, now: () => PROBE_TIME, random: (length) => PROBE_RANDOM.slice(0, length) };
  const response = toNodeResponse(await handleSandboxRequest({ method: 'GET', target, headers: [], body: new Uint8Array(0) }, probe));
  const nonce = freshNonce(probe);
  const slots = response.fields.flatMap((value, index) => (index % 2 === 1 && value.includes(nonce) ? [{ index, pieces: value.split(nonce) }] : []));
  if (response.body.includes(nonce)) return undefined;
  return slots.length === 0 ? { kind: 'fixed', response } : { kind: 'nonce', response, slots };
}

/** Every scenario URL without a query, prepared; others learnt as they come. */
export async function prepareBareAnswers(ctx: SandboxContext): Promise<BareAnswers> {
  const prepared = new Map<string, BareAnswer>();
  for (const target of scenarioBareTargets()) {
    const answer = await prepareBareAnswer(target, ctx);
    if (answer) prepared.set(target, answer);
  }
  // undefined: looked at, and not one to prepare.
  const learnt = boundedMap<string, BareAnswer | undefined>(LEARNT_TARGETS);
  const learning = new Set<string>();
  return {
    get: (target) => prepared.get(target) ?? learnt.get(target),
    learn(target) {
      if (prepared.has(target) || learnt.has(target) || learning.has(target) || target.length > MAX_LEARNT_TARGET) return;
      learning.add(target);
      void prepareBareAnswer(target, ctx)
        .then(
          (answer) => void learnt.set(target, answer),
          () => undefined,
        )
        .finally(() => learning.delete(target));
    },
  };
}

/** The answer as sent: prepared bytes, with a fresh nonce where the challenge has one. */
export function fillBareAnswer(answer: BareAnswer, ctx: SandboxContext): NodeResponse {
  if (answer.kind === 'fixed') return answer.response;
  // freshNonce's very bytes without its allocations or OpenSSL calls (node-nonce.ts); the clock first, then
  // the random bytes, as there.
  const now = ctx.now();
  const nonce = nodeNonceMaker(ctx.secret)(now, ctx.random(NONCE_RANDOM_BYTES));
  const fields = answer.response.fields.slice();
  for (const { index, pieces } of answer.slots) fields[index] = pieces.join(nonce);
  return { status: answer.response.status, fields, body: answer.response.body };
}

/**
 * The prepared answer for this request, when it is one: GET or HEAD, no credentials and no body. Any
 * other field cannot change a refusal (the engine reads only the credentials fields and the target). A
 * target not prepared yet is learnt for next time.
 */
export function bareAnswerFor(answers: BareAnswers, method: string, target: string, fields: FieldSummary, ctx: SandboxContext): NodeResponse | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || fields.credentials || fields.body) return undefined;
  const answer = answers.get(target);
  if (answer) return fillBareAnswer(answer, ctx);
  answers.learn(target);
  return undefined;
}
