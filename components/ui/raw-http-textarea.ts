// A <textarea> for raw HTTP a reader pastes (the Explain tool, the home page's paste box): no line
// wrapping (a header is one line, RFC 9112 §5), and no spelling, capitals or completion changing it.
export const RAW_HTTP_TEXTAREA = {
  wrap: 'off',
  spellCheck: false,
  autoCapitalize: 'off',
  autoComplete: 'off',
  autoCorrect: 'off',
  className: 'block w-full min-w-0 resize-y overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-sm text-ink placeholder:text-muted',
} as const;
