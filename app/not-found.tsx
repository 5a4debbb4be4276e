import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { SiteChrome } from '@/components/layout/SiteChrome';
import { loadLessons } from '@/lib/content/lessons';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  const lessons = loadLessons();
  return (
    <SiteChrome>
      <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
        <p className="font-mono text-sm font-semibold text-muted">404 Not Found</p>
        <h1 className="mt-2 text-3xl font-extrabold tracking-tight sm:text-4xl">This page does not exist</h1>
        <p className="mt-4 text-lg">
          Unlike a 401, a 404 asks nothing of you: there is no challenge to answer and no credentials will help. The address may be mistyped, or the page may
          have moved.
        </p>
        <h2 className="mt-10 text-xl font-bold">Where to go from here</h2>
        <ul className="mt-4 list-disc space-y-2 pl-5">
          <li>
            <SiteLink href="/" className="text-accent underline underline-offset-4">
              The home page
            </SiteLink>
          </li>
          <li>
            <SiteLink href="/lessons" className="text-accent underline underline-offset-4">
              All lessons
            </SiteLink>
            {lessons[0] ? (
              <>
                {', or start with '}
                <SiteLink href={`/lessons/${lessons[0].slug}`} className="text-accent underline underline-offset-4">
                  {lessons[0].frontmatter.title}
                </SiteLink>
              </>
            ) : null}
          </li>
          <li>
            <SiteLink href="/playground" className="text-accent underline underline-offset-4">
              The playground
            </SiteLink>
          </li>
        </ul>
      </div>
    </SiteChrome>
  );
}
