import * as z from 'zod';

// The shape of content/compat/results/<client>.json: what `npm run compat` measured of one real client
// (scripts/compat/run.ts). Per case, the verdict and explanation the lab's grader gave (lib/compat/grade.ts)
// and the requests the lab recorded, reduced to what stays the same from run to run: no nonce, cnonce,
// response hash, fingerprint or run id, so a re-run on an unchanged client and lab leaves the file as it was
// except for the date. The /clients page and the CI check (tests/http/compat-results.test.ts) read it.

const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : undefined) };
const text = z.string(required).trim().min(1, 'must not be empty');

export const RESULT_VERDICTS = ['follows', 'differs', 'fails', 'pending'] as const;
export type ResultVerdict = (typeof RESULT_VERDICTS)[number];

/** A credentials field as the lab recorded it, without its secret or per-run values. */
const recordedCredentialsSchema = z
  .object({
    field: z.enum(['Authorization', 'Proxy-Authorization']),
    /** The scheme as the client spelled it ('' when the lab could not read one). */
    scheme: z.string(),
    /** The shape's kind (basic, digest, token, handshake, other, malformed) and its stable facts. */
    shape: z.string(),
    /** What the lab made of it: verified, handshake-continues, stale, refused (with why). */
    check: z.string(),
    reason: z.string().optional(),
    /** Basic: how user-pass was encoded. */
    encoding: z.string().optional(),
    /** Digest: the parameters the client sent, by name, with the stable ones' values (realm, qop, algorithm …). */
    params: z.record(z.string(), z.string()).optional(),
    /** Digest: the facts the grader compares (algorithm, qop, userhash, which nonce it answered). */
    digest: z.object({ algorithm: z.string(), qop: z.string(), userhash: z.boolean(), nonce: z.string() }).strict().optional(),
    /** NTLM and Negotiate: which message the token carried. */
    message: z.string().optional(),
  })
  .strict();
export type RecordedCredentials = z.output<typeof recordedCredentialsSchema>;

export const recordedRequestSchema = z
  .object({
    leg: z.enum(['first', 'redirected', 'next']),
    method: z.string(),
    /** The request-target with the run's id replaced by `{run}`. */
    target: z.string().optional(),
    authorization: recordedCredentialsSchema.optional(),
    proxyAuthorization: recordedCredentialsSchema.optional(),
    status: z.number().int().min(100).max(599),
    outcome: z.string(),
    note: z.string(),
  })
  .strict();
export type MeasuredRequest = z.output<typeof recordedRequestSchema>;

export const caseResultSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    verdict: z.enum(RESULT_VERDICTS),
    explanation: text,
    requests: z.array(recordedRequestSchema),
    /** How the client was configured for this case and what it reported itself (exit status, final status). */
    note: text,
  })
  .strict();
export type CaseResult = z.output<typeof caseResultSchema>;

export const clientResultsSchema = z
  .object({
    client: z
      .object({
        /** The file's name without .json: curl, python-requests … */
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        name: text,
        /** Exactly as the client reports it (curl --version, requests.__version__ …). */
        version: text,
        /** How a user of the client was imitated: which auth option, redirects, proxy, body. */
        configuration: text,
      })
      .strict(),
    /** The day of the run, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-06'),
    /** Where it ran: OS, release, architecture (and Debian's release when known). */
    platform: text,
    summary: z.record(z.enum(RESULT_VERDICTS), z.number().int().nonnegative()),
    cases: z.array(caseResultSchema).min(1),
  })
  .strict()
  .superRefine((results, context) => {
    const seen = new Set<string>();
    results.cases.forEach((c, index) => {
      if (seen.has(c.id)) context.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `"${c.id}" is listed twice` });
      seen.add(c.id);
    });
    for (const verdict of RESULT_VERDICTS) {
      const counted = results.cases.filter((c) => c.verdict === verdict).length;
      if (results.summary[verdict] !== counted) {
        context.addIssue({ code: 'custom', path: ['summary', verdict], message: `says ${results.summary[verdict]} but ${counted} cases are "${verdict}"` });
      }
    }
  });
export type ClientResults = z.output<typeof clientResultsSchema>;
