/**
 * "You will learn to", folded (issue 16): the three lines under the title say what the lesson is about;
 * the full list of objectives is one click away. It prints open, as every <details> does; the short PDF
 * handout leaves it out (data-objectives, app/globals.css).
 */
export function LessonObjectives({ objectives }: { objectives: string[] }) {
  return (
    <details data-objectives className="mt-4 rounded-lg border border-line px-4 py-2">
      <summary className="cursor-pointer font-semibold">
        You will learn to <span className="font-normal text-muted">({objectives.length} goals)</span>
      </summary>
      <ul className="mt-2 mb-1 list-disc space-y-1 pl-5">
        {objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
    </details>
  );
}
