export const CALLOUT_KINDS = ['note', 'warning', 'misconception'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

type CalloutStyle = { label: string; className: string; icon: string };

// The kind is always named in words ("Common misconception"), never by colour alone.
function calloutStyle(kind: CalloutKind): CalloutStyle {
  switch (kind) {
    case 'note':
      return { label: 'Note', icon: 'i', className: 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40' };
    case 'warning':
      return { label: 'Warning', icon: '!', className: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40' };
    case 'misconception':
      return { label: 'Common misconception', icon: '✗', className: 'border-rose-600 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/40' };
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown Callout kind: ${String(unreachable)}`);
    }
  }
}

type CalloutProps = { kind?: CalloutKind; title?: string; children: React.ReactNode };

export function Callout({ kind = 'note', title, children }: CalloutProps) {
  if (!(CALLOUT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`<Callout kind="${String(kind)}"> is not one of ${CALLOUT_KINDS.join(', ')}`);
  }
  const style = calloutStyle(kind);
  return (
    <div role="note" aria-label={title ? `${style.label}: ${title}` : style.label} className={`rounded-r-lg border-l-4 px-4 py-3 ${style.className}`}>
      <p className="flex items-center gap-2 text-sm font-bold tracking-wide uppercase">
        <span aria-hidden="true" className="inline-flex h-5 w-5 items-center justify-center rounded-full border border-current text-xs">
          {style.icon}
        </span>
        {style.label}
      </p>
      {title ? <p className="mt-1 font-semibold">{title}</p> : null}
      <div className="mt-2 space-y-3 [&_a]:underline">{children}</div>
    </div>
  );
}
