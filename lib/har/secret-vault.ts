// The original values redaction took out, kept only in memory, in the thread that redacted them (the Web
// Worker, or the page). Redacted exchanges are plain data that name a secret by id; the value comes back only
// through `reveal`, which the reader asks for on purpose. Equal values share an id, so "the same token was
// sent five times" can be seen without seeing the token.

export type SecretId = string;

/** The sweep replaces only values this long: shorter ones (a 4-digit code) would eat ordinary words and numbers. */
export const MIN_SWEPT_LENGTH = 6;

export class SecretVault {
  readonly #byId = new Map<SecretId, string>();
  readonly #byValue = new Map<string, SecretId>();
  readonly #forms = new Map<string, SecretId>();
  #sortedForms: Array<[string, SecretId]> | undefined;
  #anyForm: RegExp | undefined;

  /** The id of `value`, registering it the first time. */
  keep(value: string): SecretId {
    const known = this.#byValue.get(value);
    if (known !== undefined) return known;
    const id = String(this.#byId.size + 1);
    this.#byId.set(id, value);
    this.#byValue.set(value, id);
    return id;
  }

  /** The original value, for a reader who chose to see it. Undefined for an id this vault did not issue. */
  reveal(id: SecretId): string | undefined {
    return this.#byId.get(id);
  }

  /**
   * Another form of a kept value that must show nowhere (percent-encoded in a URL, the password inside a Basic
   * field): the sweep looks for every form. Forms shorter than MIN_SWEPT_LENGTH are not swept: they would eat
   * ordinary words.
   */
  addForm(form: string, id: SecretId): void {
    if (form.length < MIN_SWEPT_LENGTH || this.#forms.has(form)) return;
    this.#forms.set(form, id);
    this.#sortedForms = undefined;
    this.#anyForm = undefined;
  }

  /** Every form to sweep with the id it stands for, longest first (a secret goes before a part of it). */
  forms(): ReadonlyArray<[string, SecretId]> {
    this.#sortedForms ??= [...this.#forms.entries()].sort((a, b) => b[0].length - a[0].length);
    return this.#sortedForms;
  }

  /** Whether `text` holds any form at all: one regular expression instead of a search per form, for the common "no". */
  mayHoldAForm(text: string): boolean {
    if (this.#forms.size === 0) return false;
    this.#anyForm ??= new RegExp(
      this.forms()
        .map(([form]) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
    );
    return this.#anyForm.test(text);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Serialising a vault is never what the caller meant: a redacted report must not carry it. */
  toJSON(): string {
    return `[${this.#byId.size} secrets kept in memory]`;
  }
}

/** What stands in for a secret in a redacted value: its id, so the UI can offer to reveal it, and a few words of shape. */
export const placeholder = (id: SecretId, words: string): string => `[redacted #${id}: ${words.replace(/]/g, ')')}]`;

/** The ids named by placeholders in a redacted text, in order. */
export function placeholderIds(text: string): SecretId[] {
  return [...text.matchAll(/\[redacted #(\d+):/g)].map((m) => m[1] ?? '');
}
