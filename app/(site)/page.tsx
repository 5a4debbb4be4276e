import { SiteLink } from '@/components/layout/SiteLink';
import { loadLessons } from '@/lib/content/lessons';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { PasteToExplain } from '@/components/home/PasteToExplain';

export default function HomePage() {
  const [first] = loadLessons();
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-20">
      <div className="grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div>
          <h1 className="text-4xl font-extrabold tracking-tight sm:text-5xl">Learn HTTP authentication by doing.</h1>
          <p className="mt-6 max-w-3xl text-lg text-muted sm:text-xl">
            HTTP Auth Lab teaches how servers ask who you are and what you may do — 401 Unauthorized, 403 Forbidden and 407 Proxy Authentication Required —
            exactly as the RFCs define them. Every lesson shows each challenge, credential and retry on the wire, with examples you can run yourself and the
            misconceptions corrected along the way.
          </p>
          <div className="mt-10 flex flex-wrap gap-4">
            {first ? (
              <SiteLink href={`/lessons/${first.slug}`} className="rounded-md bg-accent px-5 py-3 font-semibold text-accent-ink shadow-sm hover:opacity-90">
                Start the first lesson<span className="sr-only">: {first.frontmatter.title}</span>
              </SiteLink>
            ) : null}
            <SiteLink href="/playground" className="rounded-md border border-line px-5 py-3 font-semibold hover:bg-surface">
              Open the playground
            </SiteLink>
          </div>
        </div>
        {/* Issue 16: someone with a failing request right now should not have to take the course first. */}
        <section aria-labelledby="right-now" className="min-w-0 rounded-lg border border-line p-5">
          <h2 id="right-now" className="text-xl font-bold">
            Got a 401, 403 or 407 right now?
          </h2>
          <div className="mt-4">
            <PasteToExplain />
          </div>
          <p className="mt-4 text-sm">
            Not sure what to paste?{' '}
            <SiteLink href="/troubleshoot#walk" className="font-medium text-accent underline underline-offset-4">
              Walk through the troubleshooter
            </SiteLink>
          </p>
        </section>
      </div>
      <section aria-labelledby="three-questions" className="mt-16">
        <h2 id="three-questions" className="text-2xl font-bold">
          Three answers a server can give
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          <li className="rounded-lg border border-line p-5">
            <StatusBadge status={401} />
            <p className="mt-3 font-semibold">Who are you?</p>
            <p className="mt-1 text-muted">No credentials, or ones the server refused. It says how to authenticate in WWW-Authenticate.</p>
          </li>
          <li className="rounded-lg border border-line p-5">
            <StatusBadge status={403} />
            <p className="mt-3 font-semibold">You may not.</p>
            <p className="mt-1 text-muted">The server understood the request and refuses it, whoever you are.</p>
          </li>
          <li className="rounded-lg border border-line p-5">
            <StatusBadge status={407} />
            <p className="mt-3 font-semibold">Who are you, for the proxy?</p>
            <p className="mt-1 text-muted">A proxy on the way wants credentials of its own, in Proxy-Authorization.</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
