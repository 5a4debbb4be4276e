import type { Metadata } from 'next';
import { EmbedFooter } from '@/components/embed/EmbedFooter';

export const metadata: Metadata = { title: 'Embed not found' };

/**
 * A mistyped embed (a preset, lesson or path under /embed/) lands here, inside the trainer's iframe:
 * frame-sized, no site chrome, and every link opens the lab in a new tab. The iframe code has no
 * allow-top-navigation, so target="_top" would be refused; a link without a target would load the
 * whole site into the frame.
 */
export default function EmbedNotFound() {
  return (
    <>
      <main className="px-4 pt-4">
        <p className="font-mono text-sm font-semibold text-muted">404 Not Found</p>
        <h1 className="mt-1 text-2xl font-extrabold tracking-tight">This embed does not exist</h1>
        <p className="mt-3">
          The address of this frame names a lesson, preset or page the lab does not have: it may be mistyped. Copy the embed code again from the lab’s{' '}
          <i>Embed</i> button.
        </p>
      </main>
      <EmbedFooter href="/lessons" label="See all lessons in the lab" />
    </>
  );
}
