import { SiteLink } from '@/components/layout/SiteLink';

/** An honest page for a part of the lab that is not built yet: what it will do, and where to go now. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">Coming soon</p>
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight sm:text-4xl">{title}</h1>
      <div className="mt-6 space-y-4 text-lg">{children}</div>
      <p className="mt-8">
        <SiteLink href="/lessons" className="rounded-md bg-accent px-5 py-3 font-semibold text-accent-ink hover:opacity-90">
          Read the lessons meanwhile
        </SiteLink>
      </p>
    </div>
  );
}
