/**
 * One tool of the troubleshooting page: a heading with a stable anchor (links from lessons and the
 * troubleshooter land on it), a line on what it is for, and the tool. The page is a list of these, so
 * a tool joins it as one more section (issue 22 adds reading a HAR file).
 */
export function TroubleshootSection({ id, title, intro, children }: { id: string; title: string; intro: React.ReactNode; children: React.ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="mt-10 border-t border-line pt-8 first:border-t-0 first:pt-0">
      <h2 id={headingId} className="text-2xl font-bold">
        {title}
      </h2>
      <p className="mt-2 max-w-3xl text-muted">{intro}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
