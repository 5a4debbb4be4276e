import Link from 'next/link';

/** Human words for a preset id: "proxy-then-origin" -> "Proxy then origin". */
function presetName(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The place beside the lesson where its live sandbox sits. Until the sandbox lands it names the
 * scenarios the lesson will open, so the reader knows what to try.
 */
export function SandboxPanel({ presets }: { presets: string[] }) {
  return (
    <section aria-labelledby="sandbox-heading" className="rounded-lg border border-line bg-surface p-5" data-print-hidden>
      <h2 id="sandbox-heading" className="text-lg font-bold">
        Sandbox
      </h2>
      <p className="mt-2 text-sm text-muted">
        The live sandbox for this lesson is on its way: you will send these scenarios from here and watch each
        challenge and retry. Until then, every example in the lesson runs with curl.
      </p>
      {presets.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">Scenarios</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {presets.map((id) => (
              <li key={id}>{presetName(id)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href="/playground" className="font-medium text-accent underline underline-offset-4">
          About the playground
        </Link>
      </p>
    </section>
  );
}
