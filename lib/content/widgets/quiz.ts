import * as z from 'zod';
import { type InlineSegment, inlineSegments } from './inline-code';
import { parseWidgetProps, widgetError, widgetName } from './props';

// Quiz ids are stored in the reader's browser as progress, so they must stay stable and readable.
export const QUIZ_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');

export const quizPropsSchema = z
  .object({
    id: z.string().regex(QUIZ_ID, 'must be kebab-case, e.g. "basic-colon"'),
    question: text,
    options: z
      .array(z.object({ text, correct: z.boolean().optional(), explain: z.string({ error: 'every option needs an explain' }).trim().min(1, 'every option needs an explain') }).strict())
      .min(2, 'needs at least two options')
      .max(6, 'needs at most six options')
      .refine((options) => options.filter((o) => o.correct === true).length === 1, {
        error: (issue) => `must have exactly one correct option, has ${(issue.input as Array<{ correct?: boolean }>).filter((o) => o.correct === true).length}`,
      }),
  })
  .strict();

export type QuizProps = z.input<typeof quizPropsSchema>;

export type QuizOption = { text: InlineSegment[]; explain: InlineSegment[] };
/** What the browser gets: the text pre-split into code spans, and which option is right. */
export type QuizModel = { id: string; question: InlineSegment[]; options: QuizOption[]; correct: number };

export function quizModel(props: unknown): QuizModel {
  const name = widgetName('Quiz', 'id', (props as { id?: unknown } | null)?.id);
  const { id, question, options } = parseWidgetProps(quizPropsSchema, props, name);
  const problems: string[] = [];
  const segments = (value: string, path: string): InlineSegment[] => {
    try {
      return inlineSegments(value);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
      return [];
    }
  };
  const model: QuizModel = {
    id,
    question: segments(question, 'question'),
    options: options.map((o, i) => ({ text: segments(o.text, `options.${i}.text`), explain: segments(o.explain, `options.${i}.explain`) })),
    correct: options.findIndex((o) => o.correct === true),
  };
  if (problems.length > 0) throw widgetError(name, problems);
  return model;
}
