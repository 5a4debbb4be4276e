import type { Metadata } from 'next';
import { EMBED_ROOT_ID, EmbedFrame } from '@/components/embed/EmbedFrame';

// Chrome-less pages for trainers' iframes: no header, navigation or theme toggle. They may be framed
// by other sites (proxy.ts sets frame-ancestors for /embed/ only) and never rely on cookies or storage.
export const metadata: Metadata = {
  // The full pages are the ones to index; an embed is a copy for framing.
  robots: { index: false, follow: true },
};

export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <div id={EMBED_ROOT_ID}>
        <EmbedFrame />
        {children}
      </div>
    </>
  );
}
