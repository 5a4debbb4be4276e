import * as z from 'zod';

// The shape of content/browser-facts.yaml: what Chromium and Firefox do when a page meets HTTP
// authentication, one entry per fact. Each fact is keyed on `kind`, which names the probe that shows it;
// the probe's parameters and each engine's recorded outcome have the shape that probe observes.
// tests/browser/browser-facts.test.ts runs every probe in both engines and compares what it sees with the
// file, and the lessons render the same entries (<BrowserFacts ids={[...]} />), so text and behaviour
// cannot drift apart.

const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : undefined) };
const id = z.string(required).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "fetch-407-not-the-proxy"');
const text = z.string(required).trim().min(1, 'must not be empty');
/** A path on the lab's server; the probes never leave the machine. */
const labPath = z.string(required).regex(/^\/api\/sandbox\/[^\s]*$/, 'must be a sandbox path on the lab, such as "/api/sandbox/basic"');

/** Fetch's request credentials mode (https://fetch.spec.whatwg.org/#concept-request-credentials-mode). */
export const CREDENTIALS_MODES = ['omit', 'same-origin', 'include'] as const;
export type CredentialsMode = (typeof CREDENTIALS_MODES)[number];
const credentials = z.enum(CREDENTIALS_MODES);

/** How a page's fetch() ends: with a response (any status), or rejected with a TypeError. */
export const fetchOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolves'), status: z.number().int().min(100).max(599) }).strict(),
  z
    .object({
      kind: z.literal('rejects'),
      /** The TypeError's message, as the engine words it. */
      message: text,
      /** The network error the engine logs for the request (Chromium: net::ERR_...), when it names one. */
      networkError: text.optional(),
    })
    .strict(),
]);
export type FetchOutcome = z.output<typeof fetchOutcomeSchema>;

/** The scheme a browser answered a 401 with, or none: it ignored every challenge it was offered. */
export const ANSWERED_SCHEMES = ['Basic', 'Digest', 'none'] as const;

const common = { id, question: text, note: text.optional() };

/** Two engines, the same shape of outcome: what every fact records. */
const engines = <Shape extends z.ZodType>(outcome: Shape) => ({ chromium: outcome, firefox: outcome });

export const browserFactSchema = z.discriminatedUnion('kind', [
  // A fetch meets a 401 with a challenge; does the browser ask the user (its login dialog)?
  z
    .object({
      kind: z.literal('login-dialog'),
      ...common,
      // crossOrigin: the page is on the lab's other name (127.0.0.1 or localhost), another origin.
      probe: z.object({ path: labPath, credentials, crossOrigin: z.boolean().optional() }).strict(),
      ...engines(z.object({ prompts: z.boolean() }).strict()),
    })
    .strict(),
  // How fetch() ends on a status; Node's own fetch is recorded too, since lessons compare it with browsers.
  z
    .object({
      kind: z.literal('fetch-status'),
      ...common,
      probe: z.object({ path: labPath, basicUser: z.enum(['alice']).optional() }).strict(),
      ...engines(fetchOutcomeSchema),
      node: fetchOutcomeSchema,
    })
    .strict(),
  // A script sets a request header; does it reach the server?
  z
    .object({
      kind: z.literal('script-header'),
      ...common,
      probe: z.object({ name: z.enum(['Authorization', 'Proxy-Authorization', 'Cookie']), value: text, credentials }).strict(),
      ...engines(z.object({ sent: z.boolean() }).strict()),
    })
    .strict(),
  // A fetch with a script-set Authorization is redirected; does the header survive?
  z
    .object({
      kind: z.literal('redirect-authorization'),
      ...common,
      probe: z.object({ redirect: z.enum(['same-origin', 'cross-origin']) }).strict(),
      ...engines(z.object({ kept: z.boolean() }).strict()),
    })
    .strict(),
  // A response carries several WWW-Authenticate field lines; what does Headers.get() return?
  z
    .object({
      kind: z.literal('joined-header'),
      ...common,
      probe: z.object({ path: labPath }).strict(),
      // joined: one string, the lines with `separator` between them; hidden: get() returns null.
      ...engines(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('joined'), separator: z.string(required).min(1) }).strict(),
          z.object({ kind: z.literal('hidden') }).strict(),
        ]),
      ),
    })
    .strict(),
  // A 401 offers challenges; which scheme does the browser answer (the user's credentials given)?
  z
    .object({
      kind: z.literal('challenge-answer'),
      ...common,
      probe: z.object({ path: labPath }).strict(),
      ...engines(z.object({ answers: z.enum(ANSWERED_SCHEMES) }).strict()),
    })
    .strict(),
  // After the user signed in through the dialog, does a fetch in this credentials mode send it again?
  z
    .object({
      kind: z.literal('remembered-credentials'),
      ...common,
      probe: z.object({ path: labPath, credentials }).strict(),
      ...engines(z.object({ attaches: z.boolean() }).strict()),
    })
    .strict(),
]);

export type BrowserFact = z.output<typeof browserFactSchema>;
export type BrowserFactKind = BrowserFact['kind'];

/** The whole file: a list of facts whose ids are unique. */
export const browserFactsFileSchema = z
  .object({ facts: z.array(browserFactSchema).min(1) })
  .strict()
  .superRefine(({ facts }, context) => {
    const seen = new Set<string>();
    facts.forEach((fact, index) => {
      if (seen.has(fact.id)) context.addIssue({ code: 'custom', path: ['facts', index, 'id'], message: `"${fact.id}" is used by an earlier fact` });
      seen.add(fact.id);
    });
  });
