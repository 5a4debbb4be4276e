import type * as z from 'zod';

// MDX widgets check their props while the page is prerendered: a mistake in a lesson fails the build
// with the widget, which one (caption or id) and the exact problem, instead of rendering nonsense.

export class WidgetPropsError extends Error {
  override name = 'WidgetPropsError';
}

/** `<Quiz id="basic-colon">`: how an error names the widget instance. */
export function widgetName(tag: string, key: string, value: unknown): string {
  return typeof value === 'string' && value !== '' ? `<${tag} ${key}=${JSON.stringify(value)}>` : `<${tag}>`;
}

export function widgetError(widget: string, problems: readonly string[]): WidgetPropsError {
  return new WidgetPropsError(`${widget} has invalid props:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

/** Parses props with `schema`, or throws naming the widget and each problem as "path: message". */
export function parseWidgetProps<S extends z.ZodType>(schema: S, props: unknown, widget: string): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  throw widgetError(
    widget,
    result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(props)'}: ${issue.message}`),
  );
}
