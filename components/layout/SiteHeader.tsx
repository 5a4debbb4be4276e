import { SiteLink } from '@/components/layout/SiteLink';
import { NAV_LINKS, SITE_NAME } from '@/lib/site/site';
import { ThemeToggle } from '@/components/ui/ThemeToggle';
import { NavLink } from './NavLink';
import { LogoMark } from './LogoMark';

export function SiteHeader() {
  return (
    <header data-site-header className="sticky top-0 z-40 border-b border-line bg-canvas/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <SiteLink href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <LogoMark />
          <span>{SITE_NAME}</span>
        </SiteLink>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
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
