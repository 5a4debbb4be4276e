/** The lab's mark: a padlock with a question mark ("who are you?"). Decorative next to the name. */
export function LogoMark({ className = 'h-7 w-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect x="5" y="13" width="22" height="16" rx="3" className="fill-accent" />
      <path d="M10 13V9a6 6 0 0 1 12 0v4" fill="none" strokeWidth="3" className="stroke-accent" />
      <text x="16" y="26" textAnchor="middle" fontSize="12" fontWeight="700" className="fill-accent-ink" fontFamily="system-ui, sans-serif">
        ?
      </text>
    </svg>
  );
}
