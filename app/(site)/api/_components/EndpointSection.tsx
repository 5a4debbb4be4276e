import { StatusBadge } from '@/components/ui/StatusBadge';
import type { JsonSchema, OperationObject, ParameterObject } from '@/lib/sandbox/openapi/types';
import { CurlBlock } from './CurlBlock';
import type { CurlExample } from './examples';

/** Something the reader can send: a path parameter or a body field. */
export type Field = { name: string; summary: string; type: string };

/** Prose paragraphs of an OpenAPI description; Markdown lists are for API tools, the page shows richer ones. */
function paragraphs(description: string): string[] {
  return description.split('\n\n').filter((paragraph) => !paragraph.startsWith('- '));
}

/** "manual | auto, default manual": what a value may be, in a few words. */
export function schemaSummary(schema: JsonSchema): string {
  const items = schema.items as JsonSchema | undefined;
  const tuple = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchema[]) : undefined;
  const kind =
    schema.const !== undefined
      ? String(schema.const)
      : Array.isArray(schema.enum)
        ? schema.enum.length > 6
          ? `one of ${schema.enum.length} values`
          : schema.enum.map(String).join(' | ')
        : tuple
          ? `[${tuple.map(schemaSummary).join(', ')}]`
          : schema.type === 'array' && items
            ? `list of ${schemaSummary(items)}`
            : schema.type === 'object' && schema.properties
              ? `object: ${Object.keys(schema.properties as object).join(', ')}`
              : Array.isArray(schema.oneOf)
                ? 'object (one of several forms)'
                : Array.isArray(schema.anyOf)
                  ? (schema.anyOf as JsonSchema[]).map(schemaSummary).join(' | ')
                  : String(schema.type ?? 'value');
  const shown = schema.default !== undefined && schema.default !== '' && typeof schema.default !== 'object';
  return shown ? `${kind}, default ${String(schema.default)}` : kind;
}

export function parameterFields(parameters: ParameterObject[]): Field[] {
  return parameters.map((parameter) => ({ name: parameter.name, summary: parameter.description, type: `${schemaSummary(parameter.schema)}, in the path` }));
}

function FieldList({ fields, label }: { fields: Field[]; label: string }) {
  return (
    <dl aria-label={label} className="mt-3 divide-y divide-line rounded-lg border border-line">
      {fields.map((field) => (
        <div key={field.name} className="grid gap-1 px-4 py-2.5 sm:grid-cols-[13rem_1fr] sm:gap-4">
          <dt>
            <span className="font-mono text-sm font-semibold break-all">{field.name}</span>
            <span className="block text-xs break-words text-muted">{field.type}</span>
          </dt>
          <dd className="text-sm">{field.summary}</dd>
        </div>
      ))}
    </dl>
  );
}

type Props = {
  id: string;
  method: string;
  path: string;
  operation: OperationObject;
  /** Path parameters and body fields. */
  fields: Field[];
  /** Words about what else the endpoint takes (query parameters, the body's media type). */
  fieldsNote?: React.ReactNode;
  examples: CurlExample[];
  children?: React.ReactNode;
};

/** One endpoint: what it does, what it takes, every status it can answer with, and runnable curl lines. */
export function EndpointSection({ id, method, path, operation, fields, fieldsNote, examples, children }: Props) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="border-t border-line pt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-bold break-words">
        {operation.summary}
      </h2>
      <p className="mt-3 flex flex-wrap items-center gap-2">
        <span className="rounded bg-accent px-2 py-0.5 font-mono text-sm font-bold text-accent-ink">{method}</span>
        <code className="font-mono text-sm font-semibold break-all">{path}</code>
      </p>
      {paragraphs(operation.description).map((paragraph) => (
        <p key={paragraph} className="mt-3">
          {paragraph}
        </p>
      ))}
      <h3 className="mt-6 text-lg font-semibold">Parameters</h3>
      {fieldsNote ? <div className="mt-2 text-sm">{fieldsNote}</div> : null}
      {fields.length > 0 ? <FieldList fields={fields} label={`Parameters of ${operation.summary}`} /> : null}
      {!fieldsNote && fields.length === 0 ? <p className="mt-2 text-sm text-muted">None.</p> : null}
      {children}
      <h3 className="mt-6 text-lg font-semibold">Responses</h3>
      <ul className="mt-3 divide-y divide-line rounded-lg border border-line" aria-label={`Statuses ${operation.summary} can answer with`}>
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status} className="grid gap-1.5 px-4 py-3 text-sm sm:grid-cols-[16rem_1fr] sm:gap-4">
            <div>
              <StatusBadge status={Number(status)} />
            </div>
            <div>
              <p>{response.description}</p>
              {Object.entries(response.headers ?? {}).map(([name, header]) => (
                <p key={name} className="mt-1 text-muted">
                  <code className="font-mono text-ink">{name}</code>
                  {header.required ? ' (always)' : ''}: {header.description}
                </p>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {examples.length > 0 ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">Try it</h3>
          <div className="mt-3 space-y-4">
            {examples.map((example) => (
              <CurlBlock key={example.command} example={example} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
