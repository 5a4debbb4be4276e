import type { RecordedBody } from './exchange';
import type { Redactor } from './redactor';
import { isSecretName } from './secret-names';
import { jwtShape } from './secret-shape';

// Secrets in a body: JSON fields and form fields by name (a token response, RFC 6749 §5.1; a token request,
// §4.1.3 and §2.3.1; a sign-in form's password), and any JWT anywhere in a text body (an id_token in an HTML
// page, a token echoed in an error). The structure stays, so the reader sees which fields were there.

const FORM = /application\/x-www-form-urlencoded/i;
const JSON_TYPE = /[/+]json\b/i;
const JWT_ANYWHERE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

function redactJsonValue(value: unknown, redactor: Redactor, where: string, name: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => redactJsonValue(item, redactor, where, name));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJsonValue(item, redactor, where, key)]));
  }
  const secret = name !== undefined && isSecretName(name);
  if ((typeof value === 'string' || typeof value === 'number') && secret && String(value) !== '') {
    return redactor.hideValue(String(value), name, `${where}, field ${name}`);
  }
  if (typeof value === 'string' && jwtShape(value)) return redactor.hideValue(value, name ?? 'JWT', `${where}, a JWT${name ? ` in ${name}` : ''}`);
  return value;
}

function redactJson(text: string, redactor: Redactor, where: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const redacted = redactJsonValue(parsed, redactor, where, undefined);
  return JSON.stringify(redacted, null, text.includes('\n') ? 2 : undefined);
}

function redactForm(text: string, redactor: Redactor, where: string): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // Keep the name as written.
      }
      const raw = pair.slice(eq + 1);
      if (!isSecretName(name) || raw === '') return pair;
      let value = raw;
      try {
        value = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        // Keep the value as written.
      }
      return `${pair.slice(0, eq + 1)}${redactor.hideValue(value, name, `${where}, form field ${name}`, [raw])}`;
    })
    .join('&');
}

/** A body with its secrets replaced; bodies that were not kept pass through. */
export function redactBody(body: RecordedBody | undefined, redactor: Redactor, where: string): RecordedBody | undefined {
  if (!body || body.kind !== 'text') return body;
  const { mimeType, text } = body;
  const trimmed = text.trimStart();
  let out: string | undefined;
  if (JSON_TYPE.test(mimeType) || trimmed.startsWith('{') || trimmed.startsWith('[')) out = redactJson(text, redactor, where);
  if (out === undefined && (FORM.test(mimeType) || /^[\w.%+-]+=[^\s]*(&[\w.%+-]+=[^\s]*)*$/.test(trimmed))) out = redactForm(text, redactor, where);
  out = (out ?? text).replace(JWT_ANYWHERE, (jwt) => redactor.hideValue(jwt, 'JWT', `${where}, a JWT`));
  return { kind: 'text', mimeType, text: out };
}
