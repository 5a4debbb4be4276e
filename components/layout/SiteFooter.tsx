import { SiteLink } from '@/components/layout/SiteLink';
import { SITE_NAME } from '@/lib/site/site';

export function SiteFooter() {
  return (
    <footer data-site-footer className="border-t border-line bg-surface">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{SITE_NAME} teaches HTTP authentication as RFC 9110, 7617, 6750 and 7616 define it. Never type real credentials into the lab.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-4">
            <li>
              <SiteLink className="underline underline-offset-4 hover:text-ink" href="/lessons">
                Lessons
              </SiteLink>
            </li>
            <li>
              <SiteLink className="underline underline-offset-4 hover:text-ink" href="/trainers">
                For trainers
              </SiteLink>
            </li>
            <li>
              <SiteLink className="underline underline-offset-4 hover:text-ink" href="/clients">
                Clients compared
              </SiteLink>
            </li>
            <li>
              <SiteLink className="underline underline-offset-4 hover:text-ink" href="/clients/test">
                Test your client
              </SiteLink>
            </li>
            <li>
              <a className="underline underline-offset-4 hover:text-ink" href="https://www.rfc-editor.org/rfc/rfc9110#section-11">
                RFC 9110 §11
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
