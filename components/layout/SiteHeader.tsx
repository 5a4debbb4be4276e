import { SiteLink } from '@/components/layout/SiteLink';
import { NAV_LINKS, SITE_NAME } from '@/lib/site/site';
import { ThemeToggle } from '@/components/ui/ThemeToggle';
import { NavLink } from './NavLink';
import { LogoMark } from './LogoMark';
import { StickyHeaderHeight } from './StickyHeaderHeight';

/**
 * One row on a phone too (issue 16: two rows took 14 % of a 390 px screen): below sm the mark stands for
 * the name (still the link's accessible name) and the links and theme buttons are compact. It wraps
 * only when nothing else fits (zoomed text, a very narrow screen), never overflowing sideways. Its height
 * is measured into --site-header-height (StickyHeaderHeight) for anchored headings and sticky bars.
 */
export function SiteHeader() {
  return (
    <header data-site-header className="sticky top-0 z-40 border-b border-line bg-canvas/95 backdrop-blur">
      <StickyHeaderHeight />
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-1 gap-y-2 px-2 py-2 sm:gap-x-6 sm:px-6 sm:py-3">
        <SiteLink href="/" className="flex items-center gap-2 rounded p-1 text-lg font-bold tracking-tight">
          <LogoMark />
          <span className="sr-only sm:not-sr-only">{SITE_NAME}</span>
        </SiteLink>
        <nav aria-label="Main">
          <ul className="flex sm:gap-1">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>
                  {link.phoneLabel ? (
                    <>
                      {/* One name at a time (the other is display: none), so the accessible name is what shows. */}
                      <span className="sm:hidden">{link.phoneLabel}</span>
                      <span className="hidden sm:inline">{link.label}</span>
                    </>
                  ) : (
                    link.label
                  )}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
