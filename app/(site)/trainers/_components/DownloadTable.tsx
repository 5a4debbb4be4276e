/** One download of a row: where it is, what the cell shows, and the whole of what a screen reader says. */
export type DownloadCell = { key: string; href: string; shown: string; spoken: string };
export type DownloadRow = { key: string; title: string; cells: readonly DownloadCell[] };

const link = 'text-accent underline underline-offset-4';

/**
 * A table of downloads, a lesson a row (the SCORM packages, the handouts). A link's visible text is
 * short, so the columns fit a phone; its accessible name says lesson and kind, since a screen reader may
 * read a link without its row and column.
 */
export function DownloadTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly { key: string; header: string }[];
  rows: readonly DownloadRow[];
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1.5 pr-3 font-semibold">
            Lesson
          </th>
          {columns.map(({ key, header }) => (
            <th key={key} scope="col" className="py-1.5 pr-3 font-semibold">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-line align-top last:border-0">
            <th scope="row" className="py-1.5 pr-3 font-normal">
              {row.title}
            </th>
            {row.cells.map((cell) => (
              <td key={cell.key} className="py-1.5 pr-3">
                <a href={cell.href} download className={link}>
                  <span aria-hidden="true">{cell.shown}</span>
                  <span className="sr-only">{cell.spoken}</span>
                </a>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
