/** What a SCORM package does without the lab and with it (docs/embedding.md, "What works where"). */
const ROWS: readonly { part: string; offline: string; withLab: string }[] = [
  { part: 'Lesson text, pictures, folded material', offline: 'Yes', withLab: 'Yes' },
  { part: 'Quizzes and SCORM reporting', offline: 'Yes', withLab: 'Yes' },
  {
    part: 'Try it',
    offline: 'The transcript recorded when the package was built, with its date',
    withLab: '“Run it live” sends the request to the lab and shows its answer',
  },
  { part: 'Copy on commands', offline: 'Yes (the command names the lab)', withLab: 'Yes' },
  { part: 'Troubleshooter', offline: 'Every question and cause as a nested list (no step-by-step walk)', withLab: 'The same' },
  { part: 'Links (playground, other lessons, API)', offline: 'They open the lab in a new tab, which needs the lab', withLab: 'Yes' },
];

export function OfflineTable() {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold">What works offline in a package, and what needs the lab</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1.5 pr-4 font-semibold">
            In the package
          </th>
          <th scope="col" className="py-1.5 pr-4 font-semibold">
            Offline (no lab)
          </th>
          <th scope="col" className="py-1.5 font-semibold">
            With the lab reachable
          </th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.part} className="border-b border-line align-top last:border-0">
            <th scope="row" className="py-1.5 pr-4 font-normal">
              {row.part}
            </th>
            <td className="py-1.5 pr-4">{row.offline}</td>
            <td className="py-1.5">{row.withLab}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
