import { CopyButton } from '@/components/ui/CopyButton';
import { CODE_LANGUAGES } from '@/lib/content/mdx/code-languages.mjs';
import { LAB_PLACEHOLDER_ORIGIN } from '@/lib/site/lab-origin.mjs';

type CodeBlockProps = {
  /** Fence language, one of CODE_LANGUAGES' keys (the build refuses any other). */
  lang: string;
  /** The raw code, for the copy button (which swaps the lab's placeholder origin for the reader's). */
  code: string;
  title?: string;
  /** The block sends requests to the sandbox (lib/content/mdx/sandbox-code.mjs): an embed without the sandbox hides it. */
  sandbox?: boolean;
  /** The <pre> that Shiki highlighted at build time. */
  children: React.ReactNode;
};

function languageLabel(lang: string): string {
  return Object.hasOwn(CODE_LANGUAGES, lang) ? CODE_LANGUAGES[lang as keyof typeof CODE_LANGUAGES].label : lang;
}

export function CodeBlock({ lang, code, title, sandbox = false, children }: CodeBlockProps) {
  const label = languageLabel(lang);
  return (
    <figure className="not-prose overflow-hidden rounded-lg border border-line" data-embed-part={sandbox ? 'sandbox' : undefined}>
      <div className="flex items-center justify-between gap-3 border-b border-line bg-surface px-3 py-1.5">
        <figcaption className="min-w-0 truncate text-sm font-medium">{title ?? <span className="text-muted">{label}</span>}</figcaption>
        <span className="flex shrink-0 items-center gap-3">
          {title ? <span className="text-xs text-muted">{label}</span> : null}
          <CopyButton text={code} origin={LAB_PLACEHOLDER_ORIGIN} label={`Copy${title ? '' : ` ${label}`}`} />
        </span>
      </div>
      <div className="text-sm leading-relaxed [&_pre]:overflow-x-auto [&_pre]:p-4 [&_pre]:font-mono">{children}</div>
    </figure>
  );
}
