import type { ReactNode } from 'react';
import { inDepthModel } from '@/lib/content/widgets/in-depth';

/**
 * <InDepth title="...">: deep material in a native <details>, closed until the reader opens it (Enter
 * or Space on its summary; screen readers say expanded or collapsed). It prints open (app/globals.css,
 * details::details-content), opens when a link targets something inside it (FoldedTargetOpener), and
 * the exports open it (data-export-open). No headings inside: the contents list would point into a
 * closed box (lib/content/folded-headings.ts fails the build on one).
 */
export function InDepth({ children, ...props }: { title: string; children?: ReactNode }) {
  const { title } = inDepthModel(props);
  return (
    <details data-in-depth data-export-open className="in-depth rounded-lg border border-line">
      <summary className="cursor-pointer rounded-lg px-4 py-2">
        <span className="mr-2 text-xs font-semibold tracking-wide text-muted uppercase">In depth</span>
        <span className="font-semibold">{title}</span>
      </summary>
      <div className="in-depth-body border-t border-line px-4 pb-4">{children}</div>
    </details>
  );
}
