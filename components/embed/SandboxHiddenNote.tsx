/**
 * Says, once, that an embed without the sandbox left parts out: without it a reader meets prose like
 * "run this" with nothing after it. Rendered always and shown only under sandbox=hide by app/globals.css
 * (the head script sets the flag before the first paint), so the one static page serves both options.
 */
export function SandboxHiddenNote({ href }: { href: string }) {
  return (
    <p data-embed-note="sandbox-hidden" className="mt-4 rounded-lg border border-line bg-surface px-3 py-2 text-sm">
      The commands and <i>Try it</i> widgets that talk to the lab’s sandbox are hidden in this embed.{' '}
      <a href={href} target="_blank" rel="noopener" className="font-medium text-accent underline underline-offset-4">
        Open the lesson in the lab
        <span className="sr-only"> (opens in a new tab)</span>
      </a>{' '}
      to run them.
    </p>
  );
}
