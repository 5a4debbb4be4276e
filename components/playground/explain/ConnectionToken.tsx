import { connectionTokenView, type NtlmView } from '@/lib/explain/connection-token';

// An NTLM or Negotiate token opened: the NTLM message byte range by byte range (MS-NLMP §2.2.1), its flags
// by name, and the SPNEGO wrapping around it (RFC 4178 §4.2). A table with a caption and header cells, so
// a screen reader announces each value with its offset and field.

function NtlmTable({ view }: { view: NtlmView }) {
  return (
    <div className="mt-2 space-y-2">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`The ${view.message} message, field by field`}>
        <table className="w-full text-left font-mono text-xs">
          <caption className="pb-1 text-left font-sans text-sm font-semibold">NTLM {view.message}, field by field (MS-NLMP §2.2.1)</caption>
          <thead>
            <tr className="border-b border-line font-sans">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Offset
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Bytes
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Field
              </th>
              <th scope="col" className="py-1 font-semibold">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={`${row.part}-${row.offset}-${row.name}`} className="border-b border-line align-top last:border-0">
                <td className="py-1 pr-3">{row.offset}</td>
                <td className="py-1 pr-3">{row.length}</td>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.name}
                  {row.part === 'payload' ? <span className="font-sans text-muted"> (payload)</span> : null}
                </th>
                <td className="py-1 break-all">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.avPairs.length > 0 ? (
        <div>
          <p className="font-semibold">Target info (MS-NLMP §2.2.2.1)</p>
          <dl className="mt-1 space-y-1 pl-4">
            {view.avPairs.map((pair, index) => (
              <div key={`${pair.name}-${index}`} className="flex flex-wrap gap-x-2">
                <dt className="font-mono text-xs">{pair.name}</dt>
                <dd className="font-mono text-xs break-all">{pair.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {view.flags.length > 0 ? (
        <details>
          <summary className="cursor-pointer">Flags set ({view.flags.length})</summary>
          <dl className="mt-1 space-y-1 pl-4">
            {view.flags.map((flag) => (
              <div key={flag.name}>
                <dt className="font-mono text-xs break-all">{flag.name}</dt>
                <dd className="pl-4 text-muted">{flag.meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}

export function ConnectionToken({ scheme, token68 }: { scheme: string; token68: string }) {
  const view = connectionTokenView(scheme, token68);
  if (!view) return null;
  switch (view.kind) {
    case 'ntlm':
      return <NtlmTable view={view} />;
    case 'spnego':
      return (
        <div className="mt-2">
          <p>{view.summary}</p>
          {view.inner?.kind === 'ntlm' ? <NtlmTable view={view.inner} /> : view.inner ? <p className="mt-1">{view.inner.text}</p> : null}
        </div>
      );
    case 'kerberos':
    case 'unreadable':
      return <p className="mt-2">{view.text}</p>;
    default: {
      const never: never = view;
      return never;
    }
  }
}
