import type { Explanation } from '@/lib/explain';
import { ConnectionToken } from './ConnectionToken';

// The challenges as the parser read them: scheme, then token68 or parameters, per field line.
export function ChallengeList({ explanation }: { explanation: Explanation }) {
  const fields = explanation.challenges;
  if (fields.length === 0) return null;
  return (
    <details className="rounded-md border border-line p-3 text-sm">
      <summary className="cursor-pointer font-semibold">Challenges as parsed</summary>
      <ul className="mt-2 space-y-2">
        {fields.map((f) => (
          <li key={`${f.header}-${f.line}`} className="min-w-0">
            <span className="font-medium">
              {f.header}, line {f.line}:
            </span>{' '}
            {f.ok ? (
              f.challenges.length === 0 ? (
                <span>no challenge</span>
              ) : (
                <ul className="mt-1 space-y-1 pl-4">
                  {f.challenges.map((c, i) => (
                    <li key={i} className="break-words">
                      <code className="font-mono font-semibold">{c.scheme}</code>
                      {c.token68 !== undefined ? (
                        <>
                          {' '}
                          token68 <code className="font-mono break-all">{c.token68}</code>
                          <ConnectionToken scheme={c.scheme} token68={c.token68} />
                        </>
                      ) : (
                        <dl className="pl-4">
                          {Object.entries(c.params).map(([name, value]) => (
                            <div key={name} className="flex flex-wrap gap-x-2">
                              <dt className="font-mono">{name}</dt>
                              <dd className="font-mono break-words">{JSON.stringify(value)}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </li>
                  ))}
                </ul>
              )
            ) : (
              <span>does not parse (see the findings)</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
