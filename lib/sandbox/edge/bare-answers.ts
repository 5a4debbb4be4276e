import type { SandboxContext } from '../context';
import { handleSandboxRequest, invariantBareTargets } from '../routes/router';
import { toNodeResponse, type FieldSummary, type NodeResponse } from '../http/node';

// The sandbox's hottest request is a client's first, bare GET of a preset: curl without -u, a
// browser before its dialog, every reader of every lesson. Its answer never changes (see
// invariantBareTargets), so it is computed by the engine once, at start-up, and sent as prepared
// bytes; this is what lets the sandbox's 401 keep pace with a bare node:http server (bench:sandbox).

export type BareAnswers = ReadonlyMap<string, NodeResponse>;

/** Each invariant target's answer, from the same handler as every other request (so the bytes are identical). */
export async function prepareBareAnswers(ctx: SandboxContext): Promise<BareAnswers> {
  const answers = new Map<string, NodeResponse>();
  for (const target of invariantBareTargets()) {
    const response = await handleSandboxRequest({ method: 'GET', target, headers: [], body: new Uint8Array(0) }, ctx);
    answers.set(target, toNodeResponse(response));
  }
  return answers;
}

/**
 * The prepared answer for this request, when it is one: GET or HEAD, no credentials and no body. Any
 * other field cannot change a refusal (the engine reads only the credentials fields and the query,
 * and a target with a query is never prepared).
 */
export function bareAnswerFor(answers: BareAnswers, method: string, target: string, fields: FieldSummary): NodeResponse | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || fields.credentials || fields.body) return undefined;
  return answers.get(target);
}
