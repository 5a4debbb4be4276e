import * as z from 'zod';
import { rfcSectionNumber } from './rfc-sections';

// The shape of content/troubleshooter.yaml, the troubleshooting decision tree of lesson 10. The file lists
// `questions` and `causes` (the leaves); loading turns them into one list of nodes keyed on `kind`, which
// is what the walk and the components read. Text fields are plain text in which `backticks` mark inline
// code. Structure (answers that lead somewhere, no cycles, reachability) is checked after the schema, by
// treeProblems in troubleshooting-walk.ts, because it is about the nodes together rather than one value.

// A missing field says so, rather than zod's "expected string, received undefined".
const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : undefined) };
const id = z.string(required).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "wrong-scheme"');
const text = z.string(required).trim().min(1, 'must not be empty');

/** An RFC section, or a step of the WHATWG Fetch standard where browsers, not an RFC, set the rule. */
export const citationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rfc'), rfc: z.number().int().positive(), section: rfcSectionNumber }).strict(),
  z.object({ kind: z.literal('fetch'), anchor: id, name: text }).strict(),
]);

/** Where to read more: a lesson by slug, with a heading id only for lessons that already exist. */
export const lessonLinkSchema = z.object({ slug: id, anchor: id.optional(), label: text }).strict();

/** Something to try: a sandbox preset, or the playground (a share link's query without "?", or none). */
export const tryTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: id }).strict(),
  z.object({ kind: z.literal('playground'), query: z.string().min(1).optional(), label: text }).strict(),
  // The Explain tool at the top of /troubleshoot: for causes only the reader's own response shows.
  z.object({ kind: z.literal('explain'), label: text }).strict(),
]);

export const answerSchema = z.object({ label: text, next: id }).strict();

export const questionSchema = z
  .object({ id, prompt: text, hint: text.optional(), answers: z.array(answerSchema) })
  .strict()
  .transform((question) => ({ kind: 'question' as const, ...question }));

export const causeSchema = z
  .object({
    id,
    /** The cause in a few words, shown as the leaf's heading and in the breadcrumb. */
    title: text,
    /** True where a common belief names a cause that is not one (the leaf says what to check instead). */
    notTheCause: z.boolean().optional(),
    cause: text,
    fix: text,
    citations: z.array(citationSchema).min(1, 'must cite at least one rule'),
    lesson: lessonLinkSchema,
    tryIt: tryTargetSchema,
  })
  .strict()
  .transform((cause) => ({ kind: 'leaf' as const, ...cause }));

/** The whole file; its nodes are the questions, then the causes (file order keeps the outline readable). */
export const troubleshooterFileSchema = z
  .object({ root: id, questions: z.array(questionSchema).min(1), causes: z.array(causeSchema).min(1) })
  .strict()
  .transform(({ root, questions, causes }) => ({ root, nodes: [...questions, ...causes] }));
