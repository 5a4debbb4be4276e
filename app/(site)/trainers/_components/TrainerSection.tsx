/**
 * One topic of the trainers' page: a heading with a stable anchor (the footer and the Embed dialog link
 * to the page, a trainer shares a link to one topic) and what there is to say about it.
 */
export function TrainerSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="mt-10 border-t border-line pt-8 first:mt-0 first:border-t-0 first:pt-0">
      <h2 id={headingId} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-3 max-w-3xl space-y-3">{children}</div>
    </section>
  );
}
