import * as z from 'zod';
import { type InlineSegment, inlineSegments } from './inline-code';
import { type MessageLine, readHttpMessage } from './http-message';
import { parseWidgetProps, widgetError, widgetName } from './props';

const text = z.string().trim().min(1, 'must not be empty');

export const exchangePropsSchema = z
  .object({
    caption: text,
    messages: z
      .array(
        z
          .object({
            label: text.optional(),
            text: z.string().refine((t) => t.trim() !== '', 'must not be empty: write the raw HTTP message'),
            notes: z.array(z.object({ line: z.number().int().min(1), text }).strict()).optional(),
          })
          .strict(),
      )
      .min(1, 'needs at least one message'),
    /** Shown behind a toggle: for a conversation the lesson already shows (a <TryIt> draws it). */
    collapsed: z.boolean().optional(),
  })
  .strict();

export type ExchangeProps = z.input<typeof exchangePropsSchema>;

export type ExchangeNote = { number: number; line: number; text: InlineSegment[] };
export type ExchangeLine = { number: number; line: MessageLine; notes: number[] };
export type ExchangeMessage = { label: string; kind: 'request' | 'response'; lines: ExchangeLine[]; notes: ExchangeNote[] };
export type ExchangeModel = { caption: string; messages: ExchangeMessage[]; collapsed: boolean };

/**
 * Validates an <Exchange> and numbers its notes across the whole transcript (1, 2, 3... in reading
 * order), so each marker on a line and its note in the list share one visible number.
 */
export function exchangeModel(props: unknown): ExchangeModel {
  const name = widgetName('Exchange', 'caption', (props as { caption?: unknown } | null)?.caption);
  const { caption, messages, collapsed = false } = parseWidgetProps(exchangePropsSchema, props, name);
  const problems: string[] = [];
  let noteNumber = 0;
  const model = messages.map((message, index): ExchangeMessage => {
    const where = `messages.${index}`;
    const read = readHttpMessage(message.text);
    if (!read.ok) {
      problems.push(`${where}.text: not an HTTP message: ${read.problem}`);
      return { label: '', kind: 'request', lines: [], notes: [] };
    }
    const { start, lines } = read.message;
    const notes: ExchangeNote[] = [];
    const sorted = [...(message.notes ?? [])].map((note, i) => ({ note, i })).sort((a, b) => a.note.line - b.note.line);
    for (const { note, i } of sorted) {
      if (note.line > lines.length) {
        problems.push(`${where}.notes.${i}.line: line ${note.line} does not exist; the message has ${lines.length} line${lines.length === 1 ? '' : 's'}`);
        continue;
      }
      try {
        notes.push({ number: ++noteNumber, line: note.line, text: inlineSegments(note.text) });
      } catch (error) {
        problems.push(`${where}.notes.${i}.text: ${(error as Error).message}`);
      }
    }
    return {
      label: message.label ?? (start.kind === 'request' ? 'Request' : 'Response'),
      kind: start.kind,
      lines: lines.map((line, i) => ({ number: i + 1, line, notes: notes.filter((n) => n.line === i + 1).map((n) => n.number) })),
      notes,
    };
  });
  if (problems.length > 0) throw widgetError(name, problems);
  return { caption, messages: model, collapsed };
}
