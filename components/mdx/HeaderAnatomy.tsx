import { useId } from 'react';
import type { AuthHeaderPart } from '@/lib/http-auth';
import { type AnatomyModel, type HeaderAnatomyProps, headerAnatomyModel } from '@/lib/content/widgets/header-anatomy';
import { domId } from './dom-id';

type PartKind = AuthHeaderPart['kind'];

// Each kind has a name in words (shown under the part and in the list) and its own border style, so
// the picture never relies on colour. Names follow the ABNF of RFC 9110 §11.
function kindStyle(kind: PartKind): { label: string; border: string } {
  switch (kind) {
    case 'scheme':
      return { label: 'auth-scheme', border: 'border-solid border-2' };
    case 'token68':
      return { label: 'token68', border: 'border-double border-4' };
    case 'param-name':
      return { label: 'parameter name', border: 'border-dashed border-2' };
    case 'param-value':
      return { label: 'value (token)', border: 'border-dotted border-2' };
    case 'quoted-string':
      return { label: 'value (quoted-string)', border: 'border-dotted border-2' };
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown header part ${String(unknown)}`);
    }
  }
}

function groupTitle(model: AnatomyModel, element: number): string {
  switch (model.field) {
    case 'WWW-Authenticate':
    case 'Proxy-Authenticate':
      return `Challenge ${element + 1}`;
    case 'Authorization':
    case 'Proxy-Authorization':
      return 'Credentials';
    case 'Authentication-Info':
    case 'Proxy-Authentication-Info':
      return 'Parameters';
    default: {
      const unknown: never = model.field;
      throw new Error(`Unknown field ${String(unknown)}`);
    }
  }
}

/**
 * <HeaderAnatomy field value>: the value with every part boxed and named, then the parts as a list.
 * lib/http-auth finds the parts (authHeaderParts); a value it cannot parse fails the build.
 */
export function HeaderAnatomy(props: HeaderAnatomyProps) {
  const model = headerAnatomyModel(props);
  const captionId = `anatomy-${domId(useId())}-caption`;
  const parts = model.runs.flatMap((run) => (run.kind === 'part' ? [{ text: run.text, part: run.part }] : []));
  const elements = [...new Set(parts.map((p) => p.part.element))];
  return (
    <figure className="not-prose my-6 rounded-lg border border-line p-3" aria-labelledby={captionId}>
      <figcaption id={captionId} className="text-sm font-medium">
        Anatomy of <code className="font-mono">{model.field}</code>
      </figcaption>
      {/* The picture: the list below says the same in words, so screen readers skip this. */}
      <div aria-hidden="true" className="mt-3 overflow-x-auto pb-1">
        <p className="flex flex-wrap items-start gap-y-2 font-mono text-sm">
          <span className="py-1 pr-2 font-semibold">{model.field}:</span>
          {model.runs.map((run, i) => {
            if (run.kind === 'separator') {
              return (
                <span key={i} className="py-1 whitespace-pre">
                  {run.text}
                </span>
              );
            }
            const style = kindStyle(run.part.kind);
            return (
              <span key={i} className="inline-flex flex-col items-center" data-part={run.part.kind}>
                <span className={`rounded border-current px-1 py-0.5 whitespace-pre ${style.border}`}>{run.text}</span>
                <span className="mt-0.5 font-sans text-xs text-muted">{style.label}</span>
              </span>
            );
          })}
        </p>
      </div>
      <div className="mt-3 space-y-2 text-sm">
        {elements.map((element) => (
          <div key={element}>
            <p className="font-semibold">{groupTitle(model, element)}</p>
            <ul className="list-disc space-y-0.5 pl-6">
              {parts
                .filter((p) => p.part.element === element)
                .map((p, i) => (
                  <li key={i}>
                    {kindStyle(p.part.kind).label}
                    {p.part.kind === 'param-value' || p.part.kind === 'quoted-string' ? ` of ${p.part.name}` : ''}: <code className="font-mono">{p.text}</code>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </figure>
  );
}
