'use client';

import { SiteLink } from '@/components/layout/SiteLink';
import { usePathname } from 'next/navigation';

/** A main-navigation link that marks the current section with aria-current (and not by colour alone). */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <SiteLink
      href={href}
      aria-current={current ? 'page' : undefined}
      className="inline-block rounded px-1.5 py-2 text-sm font-medium text-muted hover:bg-surface hover:text-ink aria-[current=page]:text-ink aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-8 sm:px-3 sm:text-base"
    >
      {children}
    </SiteLink>
  );
}
