// Tree text is plain text in which `backticks` mark inline code (the same convention as <Quiz>).
export function InlineText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-surface px-1 font-mono text-[0.9em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The same text without the code marks: for announcements and accessible names. */
export const plainText = (text: string) => text.replaceAll('`', '');
