import { OVERRIDE_DOCS, overrideReach, reachText } from '@/lib/sandbox/openapi/overrides';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';

const exampleValue = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));

/** Every query override, what it changes and where it acts: from the same table as the OpenAPI document. */
export function QueryParameters() {
  return (
    <section id="query-parameters" aria-labelledby="query-parameters-heading" className="border-t border-line pt-10">
      <h2 id="query-parameters-heading" className="text-2xl font-bold">
        Query parameters
      </h2>
      <p className="mt-3">
        Every scenario URL takes these, so a URL alone sets up an experiment. A value the scenario cannot take is a 400 that says why.{' '}
        <code className="font-mono text-sm">schemes=</code> and <code className="font-mono text-sm">proxy=</code> change which schemes and hops there are, and
        so where the others act.
      </p>
      <dl className="mt-4 divide-y divide-line rounded-lg border border-line">
        {OVERRIDE_PARAMETERS.map((name) => {
          const doc = OVERRIDE_DOCS[name];
          return (
            <div key={name} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
              <dt id={`param-${name}`} className="font-mono text-sm font-semibold break-all">
                {name}
              </dt>
              <dd className="text-sm">
                <p>{doc.description}</p>
                <p className="mt-1 text-muted">{overrideReach(name, SANDBOX_ROUTES).map(reachText).join(' ')}</p>
                <p className="mt-1 text-muted">
                  Example:{' '}
                  <code className="font-mono break-all text-ink">
                    ?{name}={exampleValue(doc.example)}
                  </code>
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
