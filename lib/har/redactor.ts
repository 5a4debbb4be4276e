import { type SecretId, type SecretVault, placeholder } from './secret-vault';
import { type SecretShape, jwtShape, shapeWords } from './secret-shape';

// The state of one redaction: the vault the originals go to, the redactions found so far (what the
// reader is shown instead), and every original form of every secret, for the last sweep over all output.

export type Redaction = { id: SecretId; where: string; shape: SecretShape };

export class Redactor {
  readonly redactions: Redaction[] = [];
  constructor(readonly vault: SecretVault) {}

  /** Keeps `value`, records where it was, and returns the placeholder to show. `also`: other forms of it to sweep. */
  hide(value: string, where: string, shape: SecretShape, also: string[] = []): string {
    const id = this.vault.keep(value);
    this.redactions.push({ id, where, shape });
    for (const form of [value, ...also]) this.vault.addForm(form, id);
    // A JWT's header and claims are shown, so its signature alone would rebuild the token: it goes too.
    if (shape.jwt) this.vault.addForm(value.slice(value.lastIndexOf('.') + 1), id);
    return placeholder(id, shapeWords(shape));
  }

  /** A named value (cookie, parameter, field, header): its length, and its claims when it is a JWT. */
  hideValue(value: string, name: string, where: string, also: string[] = []): string {
    const jwt = jwtShape(value);
    return this.hide(value, where, { kind: 'value', name, length: value.length, ...(jwt ? { jwt } : {}) }, also);
  }

  /** A further form of a secret already kept (a Basic password inside the base64) that must show nowhere. */
  sweepAlso(value: string, id: SecretId): void {
    this.vault.addForm(value, id);
  }

  /**
   * Replaces every remaining occurrence of a kept value in `text`, outside the placeholders: a token echoed in
   * a body, a password repeated in a URL. Longest first, so a secret is replaced before a part of it.
   */
  sweep(text: string): string {
    if (text === '' || !this.vault.mayHoldAForm(text)) return text;
    let out = text;
    for (const [form, id] of this.vault.forms()) {
      if (!out.includes(form)) continue;
      // Split again for each form: a placeholder put in by an earlier form is never searched.
      out = out
        .split(PLACEHOLDER)
        .map((part, i) => (i % 2 === 1 ? part : part.split(form).join(placeholder(id, 'the same value, seen elsewhere'))))
        .join('');
    }
    return out;
  }
}

const PLACEHOLDER = /(\[redacted #\d+: [^\]]*\])/;
