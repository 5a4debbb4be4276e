// The shapes every part of the library speaks. Kept free of behaviour so the UI, the sandbox and the
// tests can import them without pulling in the parser.

/** What is wrong (or worth pointing out) in a header, and where. */
export type Diagnostic = {
  /** Stable, kebab-case identifier the UI can key explanations on, e.g. `duplicate-param`. */
  code: string;
  /** One sentence for a learner; cites the RFC section when a rule is broken. */
  message: string;
  /** Offset (UTF-16 code unit) in the input string; for several field lines, in the line `line`. */
  index: number;
  /** Which field line (0-based) `index` refers to, when the input was several lines. */
  line?: number;
};

export type ParseResult<T> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; error: Diagnostic };

/**
 * RFC 9110 §11.3: `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`.
 * `scheme` keeps the spelling received; `params` keys are lower-cased, values unescaped.
 */
export type Challenge = { scheme: string; token68?: string; params: Record<string, string> };

/** RFC 9110 §11.4: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`. */
export type Credentials = { scheme: string; token68?: string; params: Record<string, string> };

/** Which header an auth-param list came from; quoting rules differ between them (RFC 7616 §3.3-§3.5). */
export type ParamContext = 'challenge' | 'credentials' | 'auth-info';
