import { SiteLink } from '@/components/layout/SiteLink';
import { CopyButton } from '@/components/ui/CopyButton';
import { OriginText } from '@/components/ui/OriginText';
import { curlCommand } from '@/lib/playground/snippets/curl';
import { findPreset, type Preset } from '@/lib/sandbox/scenario/presets';
import { siteUrl } from '@/lib/site/site';

function PresetCard({ preset }: { preset: Preset }) {
  const { method, path, headers, body } = preset.request;
  const origin = siteUrl().origin;
  const command = curlCommand({ method, url: new URL(path, origin).toString(), headers, body });
  return (
    <li className="rounded-md border border-line bg-canvas p-3">
      <h3 className="text-sm font-semibold">{preset.title}</h3>
      <p className="mt-1 text-sm text-muted">{preset.summary}</p>
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted">Try it with curl</span>
        <CopyButton text={command} origin={origin} label="Copy" />
      </div>
      <pre tabIndex={0} aria-label={`curl command for ${preset.title}`} className="mt-1 overflow-x-auto rounded bg-surface p-2 font-mono text-xs">
        <code>
          <OriginText text={command} origin={origin} />
        </code>
      </pre>
    </li>
  );
}

/**
 * The place beside the lesson where its sandbox sits: the lesson's scenarios, each runnable against
 * the live sandbox with curl. (The interactive playground will open here too.)
 */
export function SandboxPanel({ presets }: { presets: string[] }) {
  const found = presets.map(findPreset).filter((preset): preset is Preset => preset !== undefined);
  return (
    <section aria-labelledby="sandbox-heading" className="rounded-lg border border-line bg-surface p-4" data-print-hidden>
      <h2 id="sandbox-heading" className="text-lg font-bold">
        Sandbox
      </h2>
      <p className="mt-1 text-sm text-muted">
        Real endpoints that answer as this lesson describes. Run them, read every header. Default users: alice / wonderland and bob / builder; never use real
        credentials here.
      </p>
      {found.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {found.map((preset) => (
            <PresetCard key={preset.id} preset={preset} />
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-sm">
        <SiteLink href="/api" className="font-medium text-accent underline underline-offset-4">
          All sandbox endpoints
        </SiteLink>
      </p>
    </section>
  );
}
