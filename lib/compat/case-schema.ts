import * as z from 'zod';
import { DIGEST_ALGORITHMS } from '@/lib/http-auth';
import { rfcSectionNumber } from '@/lib/content/rfc-sections';

// The shape of content/compat/cases.yaml: the client-compatibility cases (issue #21). Each case says what
// the lab sends, what the client under test holds, what a client that follows the RFCs does (in words and
// as an expectation the grader checks against the requests the lab recorded), which other answers are
// legal but graded "differs", and the RFC sections that decide it. lib/compat/case-server.ts plays the
// lab's side of a case from this data alone, and lib/compat/grade.ts grades what a client sent.

const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : undefined) };
const id = z.string(required).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "digest-stale-nonce"');
const text = z.string(required).trim().min(1, 'must not be empty');

/** The placeholders a field line may carry; the case server fills each with a fresh value per response. */
export const PLACEHOLDERS = ['nonce'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * One field line exactly as the lab sends it: visible ASCII and spaces (RFC 9110 §5.5), never CR or LF, and
 * only the placeholders the case server knows (`{nonce}`: a fresh nonce signed with the lab's secret).
 */
export const fieldLine = z
  .string(required)
  .regex(/^[\x20-\x7e]*$/, 'must be printable ASCII on one line (RFC 9110 §5.5: no CR, LF or other controls)')
  .refine((line) => [...line.matchAll(/\{([^}]*)\}/g)].every(([, name]) => (PLACEHOLDERS as readonly string[]).includes(name ?? '')), {
    message: `may only use the placeholders ${PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
  });

/** The challenge field lines of one response, in order; the field is WWW-Authenticate for 401, Proxy-Authenticate for 407. */
const challengeResponse = z.object({ status: z.union([z.literal(401), z.literal(407)]), lines: z.array(fieldLine) }).strict();
export type ChallengeResponse = z.output<typeof challengeResponse>;

export const CASE_GROUPS = ['challenge-syntax', 'basic', 'digest', 'bearer', 'status', 'proxy', 'redirect', 'connection'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

export const ANSWER_SCHEMES = ['Basic', 'Digest', 'Bearer', 'NTLM', 'Negotiate'] as const;
export type AnswerScheme = (typeof ANSWER_SCHEMES)[number];

/**
 * What happens after the first challenge. `single`: credentials that verify get 200. The others are
 * conversations: the lab answers a correct Digest response once with stale=true, or with nextnonce in
 * Authentication-Info and a same-origin redirect that asks for the next request, or redirects an
 * authenticated request, or refuses the client's Bearer token, or sits behind a proxy that challenges first.
 */
export const flowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single') }).strict(),
  // The first challenge's nonce is issued already expired; the 401 to the correct answer sends these lines.
  z.object({ kind: z.literal('stale-nonce'), stale: z.object({ lines: z.array(fieldLine).min(1) }).strict() }).strict(),
  // The correct answer gets a 303 to the same resource with Authentication-Info: nextnonce (RFC 7616 §3.5);
  // there, credentials on the first nonce get the stale lines (RFC 7616 §3.5: "might result in … stale=TRUE").
  z.object({ kind: z.literal('nextnonce'), stale: z.object({ lines: z.array(fieldLine).min(1) }).strict() }).strict(),
  z.object({ kind: z.literal('redirect-same-origin'), status: z.union([z.literal(302), z.literal(307)]) }).strict(),
  z.object({ kind: z.literal('redirect-cross-origin'), status: z.union([z.literal(302), z.literal(307)]) }).strict(),
  // Bearer credentials (any token) get this refusal: invalid_token with 401, insufficient_scope with 403.
  z
    .object({
      kind: z.literal('token-refused'),
      refusal: z.object({ status: z.union([z.literal(401), z.literal(403)]), lines: z.array(fieldLine).min(1) }).strict(),
    })
    .strict(),
  // `sends` is the proxy's 407; once Proxy-Authorization verifies, the origin's 401 carries these lines.
  z.object({ kind: z.literal('proxy-then-origin'), origin: z.object({ lines: z.array(fieldLine).min(1) }).strict() }).strict(),
]);
export type CaseFlow = z.output<typeof flowSchema>;
export type FlowKind = CaseFlow['kind'];

/** What the grader checks in the requests one client sent for a case. */
export const expectationSchema = z.discriminatedUnion('kind', [
  // The first credentials use `scheme`, and credentials of that scheme verify (with this algorithm, qop …).
  z
    .object({
      kind: z.literal('answers'),
      scheme: z.enum(ANSWER_SCHEMES),
      algorithm: z.enum(DIGEST_ALGORITHMS as unknown as [string, ...string[]]).optional(),
      /** `none`: the RFC 2069 form, without qop, nc and cnonce. */
      qop: z.enum(['auth', 'auth-int', 'none']).optional(),
      userhash: z.boolean().optional(),
      /** How Basic's user-pass was encoded; pure ASCII meets either. */
      charset: z.enum(['UTF-8', 'ISO-8859-1']).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('does-not-answer') }).strict(),
  // The refused token is not sent again (RFC 9110 §15.5.4, RFC 6750 §3.1).
  z.object({ kind: z.literal('does-not-repeat-credentials') }).strict(),
  // The refused token is sent again: legal where the RFC only says it cannot help.
  z.object({ kind: z.literal('repeats-credentials') }).strict(),
  z.object({ kind: z.literal('drops-credentials-on-redirect') }).strict(),
  // The redirected request carries credentials that verify, without a new challenge.
  z.object({ kind: z.literal('keeps-credentials-on-redirect') }).strict(),
  // The redirected request goes without credentials and answers the new challenge.
  z.object({ kind: z.literal('answers-after-redirect') }).strict(),
  z.object({ kind: z.literal('retries-with-new-nonce') }).strict(),
  z.object({ kind: z.literal('uses-nextnonce') }).strict(),
  z.object({ kind: z.literal('answers-proxy-then-origin') }).strict(),
]);
export type Expectation = z.output<typeof expectationSchema>;
export type ExpectationKind = Expectation['kind'];

/** The flows each expectation can be observed in: a redirect is only seen where the lab redirects. */
export const EXPECTATION_FLOWS: Record<ExpectationKind, readonly FlowKind[]> = {
  answers: ['single', 'nextnonce', 'redirect-same-origin', 'redirect-cross-origin'],
  'does-not-answer': ['single'],
  'does-not-repeat-credentials': ['token-refused'],
  'repeats-credentials': ['token-refused'],
  'drops-credentials-on-redirect': ['redirect-cross-origin'],
  'keeps-credentials-on-redirect': ['redirect-same-origin'],
  'answers-after-redirect': ['redirect-same-origin'],
  'retries-with-new-nonce': ['stale-nonce', 'nextnonce'],
  'uses-nextnonce': ['nextnonce'],
  'answers-proxy-then-origin': ['proxy-then-origin'],
};

export const caseCitationSchema = z.object({ rfc: z.number(required).int().positive(), section: rfcSectionNumber }).strict();

const credentialsSchema = z
  .object({
    username: z
      .string()
      .regex(/^[^\x00-\x1f\x7f:]+$/, 'must be a user-id without ":" or control characters (RFC 7617 §2)')
      .default('alice'),
    password: z
      .string()
      .regex(/^[^\x00-\x1f\x7f]+$/, 'must not contain control characters (RFC 7617 §2)')
      .default('wonderland'),
    /** A bearer token the client is configured with (RFC 6750 §2.1: a b64token). */
    token: z
      .string()
      .regex(/^[A-Za-z0-9\-._~+/]+=*$/, 'must be a token68 (RFC 6750 §2.1)')
      .optional(),
  })
  .strict()
  .default({ username: 'alice', password: 'wonderland' });

export const compatCaseSchema = z
  .object({
    id,
    group: z.enum(CASE_GROUPS),
    title: text,
    /** Set when the lab's response breaks a rule on purpose: the rule, and why the case is still worth asking. */
    illegal: text.optional(),
    /** What the client is asked to send; GET without a body unless the case needs one (auth-int). */
    request: z
      .object({ method: z.enum(['GET', 'POST', 'PUT']), body: z.string().optional() })
      .strict()
      .default({ method: 'GET' }),
    sends: challengeResponse,
    flow: flowSchema.default({ kind: 'single' }),
    credentials: credentialsSchema,
    /** What a client that follows the RFCs does, in words a reader of /clients understands. */
    follows: text,
    expect: expectationSchema,
    alternatives: z.array(z.object({ expect: expectationSchema, reason: text }).strict()).default([]),
    citations: z.array(caseCitationSchema).min(1, 'must cite at least one RFC section'),
  })
  .strict()
  .superRefine((c, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (c.sends.lines.length === 0 && c.illegal === undefined) {
      issue(['sends', 'lines'], 'a 401 or 407 without a challenge breaks RFC 9110 §15.5.2/§15.5.8: mark the case `illegal`, saying so');
    }
    if ((c.sends.status === 407) !== (c.flow.kind === 'proxy-then-origin')) {
      issue(['sends', 'status'], 'a 407 goes with the proxy-then-origin flow, and that flow starts with a 407');
    }
    [c.expect, ...c.alternatives.map((alternative) => alternative.expect)].forEach((expect, index) => {
      if (!EXPECTATION_FLOWS[expect.kind].includes(c.flow.kind)) {
        const path = index === 0 ? ['expect', 'kind'] : ['alternatives', index - 1, 'expect', 'kind'];
        issue(path, `"${expect.kind}" cannot be observed in a "${c.flow.kind}" flow (it needs ${EXPECTATION_FLOWS[expect.kind].join(' or ')})`);
      }
    });
    const usesToken =
      c.flow.kind === 'token-refused' || [c.expect, ...c.alternatives.map((a) => a.expect)].some((e) => e.kind === 'answers' && e.scheme === 'Bearer');
    if (usesToken && c.credentials.token === undefined) issue(['credentials', 'token'], 'a Bearer case must configure the client with a token');
  });

export type CompatCase = z.output<typeof compatCaseSchema>;
export type CompatCitation = z.output<typeof caseCitationSchema>;

/** The whole file: cases with unique ids. */
export const compatCasesFileSchema = z
  .object({ cases: z.array(compatCaseSchema).min(1) })
  .strict()
  .superRefine(({ cases }, context) => {
    const seen = new Set<string>();
    cases.forEach((c, index) => {
      if (seen.has(c.id)) context.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `"${c.id}" is used by an earlier case` });
      seen.add(c.id);
    });
  });

/** The field a challenge response carries its challenges in (RFC 9110 §11.6.1, §11.7.1). */
export const caseChallengeField = (status: 401 | 407): 'WWW-Authenticate' | 'Proxy-Authenticate' =>
  status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
