import type { HeaderList, SandboxResponse } from './message';
import { reasonPhrase } from './reason-phrases';

// RFC 9457 problem details: every refusal explains itself in a machine-readable body.

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export type Problem = {
  status: number;
  detail: string;
  /** A URI naming the problem type; RFC 9457 §4.2.1: about:blank when the status says it all. */
  type?: string;
  title?: string;
  /** Extension members (RFC 9457 §3.2), e.g. the RFC section a learner should read. */
  extensions?: Record<string, unknown>;
};

export function problemBody(problem: Problem): string {
  return JSON.stringify({
    type: problem.type ?? 'about:blank',
    title: problem.title ?? (reasonPhrase(problem.status) || 'Error'),
    // RFC 9457 §3.1.2: status must equal the status code actually sent.
    status: problem.status,
    detail: problem.detail,
    ...problem.extensions,
  });
}

export function problemResponse(problem: Problem, headers: HeaderList = []): SandboxResponse {
  return {
    status: problem.status,
    headers: [...headers, ['Content-Type', PROBLEM_CONTENT_TYPE], ['Cache-Control', 'no-store']],
    body: problemBody(problem),
  };
}
