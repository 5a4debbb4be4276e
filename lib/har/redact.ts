import type { HeaderList, RecordedExchange, RecordingRead } from './exchange';
import { redactBody } from './redact-body';
import { redactUrl } from './redact-url';
import { type Redaction, Redactor } from './redactor';
import { isSecretHeader, URL_HEADERS } from './secret-names';
import { basicPassword, credentialsShape } from './secret-shape';
import { SecretVault } from './secret-vault';

// Redaction first (issue 22): nothing of a recording is shown before it went through here. Credentials
// fields keep their scheme and shape (RFC 9110 §11.4), cookies their names and attributes (RFC 6265 §4.1,
// §4.2), URLs and bodies their structure; every secret is replaced by a placeholder naming its id in the
// vault, and a last sweep replaces any copy of a kept value left anywhere else in the exchange.

export type { Redaction };

/** A recorded exchange after redaction: it carries placeholders, never a secret (the vault has them). */
export type RedactedExchange = RecordedExchange & { redacted: true; redactions: Redaction[] };

const CREDENTIAL_FIELDS = new Set(['authorization', 'proxy-authorization']);

/** RFC 9110 §11.4: keep the scheme, show the shape; Digest keeps every parameter but `response`. */
function redactCredentials(value: string, name: string, redactor: Redactor, where: string): string {
  const shape = credentialsShape(value);
  const scheme = shape.kind === 'credentials' ? shape.scheme : '';
  if (shape.kind === 'credentials' && shape.shape.kind === 'digest') {
    const response = /(\bresponse\s*=\s*)("(?:[^"\\]|\\.)*"|[^,\s]*)/i.exec(value);
    if (!response?.[2]) return value;
    const hidden = response[2].replace(/^"|"$/g, '');
    const text = redactor.hide(hidden, `${where} ${name}, Digest response`, shape, [response[2]]);
    return value.slice(0, response.index) + `${response[1]}"${text}"` + value.slice(response.index + response[0].length);
  }
  const text = redactor.hide(value, `${where} ${name}`, shape, [value.slice(scheme.length).trim()]);
  const password = scheme.toLowerCase() === 'basic' ? basicPassword(value) : undefined;
  const id = redactor.redactions[redactor.redactions.length - 1]?.id;
  if (password !== undefined && id !== undefined) redactor.sweepAlso(password, id);
  return scheme === '' ? text : `${scheme} ${text}`;
}

/** RFC 7616 §3.5: rspauth is computed from the password like `response`, so it is as open to an offline guess. */
function redactAuthInfo(value: string, name: string, redactor: Redactor, where: string): string {
  const rspauth = /(\brspauth\s*=\s*)("(?:[^"\\]|\\.)*"|[^,\s]*)/i.exec(value);
  if (!rspauth?.[2]) return value;
  const hidden = rspauth[2].replace(/^"|"$/g, '');
  const text = redactor.hideValue(hidden, 'rspauth', `${where} ${name}, rspauth`, [rspauth[2]]);
  return value.slice(0, rspauth.index) + `${rspauth[1]}"${text}"` + value.slice(rspauth.index + rspauth[0].length);
}

/** RFC 6265 §4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair ); every value goes, the names stay. */
function redactCookie(value: string, redactor: Redactor, where: string): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const cookieValue = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (cookieValue === '') return pair;
      const name = pair.slice(0, eq).trim();
      return `${pair.slice(0, eq + 1)}${redactor.hideValue(cookieValue, name, `${where} Cookie ${name}`)}`;
    })
    .join(';');
}

/** RFC 6265 §4.1.1: the cookie-pair before the first ";" loses its value; Expires, Max-Age, Path, Secure stay. */
function redactSetCookie(value: string, redactor: Redactor, where: string): string {
  const semi = value.indexOf(';');
  const pair = semi < 0 ? value : value.slice(0, semi);
  const eq = pair.indexOf('=');
  const cookieValue = eq < 0 ? '' : pair.slice(eq + 1).trim();
  if (cookieValue === '') return value;
  const name = pair.slice(0, eq).trim();
  return `${pair.slice(0, eq + 1)}${redactor.hideValue(cookieValue, name, `${where} Set-Cookie ${name}`)}${semi < 0 ? '' : value.slice(semi)}`;
}

function redactHeaders(headers: HeaderList, redactor: Redactor, where: string): HeaderList {
  return headers.map(([name, value]): [string, string] => {
    const lower = name.toLowerCase();
    if (CREDENTIAL_FIELDS.has(lower)) return [name, redactCredentials(value, name, redactor, where)];
    if (lower === 'cookie') return [name, redactCookie(value, redactor, where)];
    if (lower === 'set-cookie') return [name, redactSetCookie(value, redactor, where)];
    if (lower === 'authentication-info' || lower === 'proxy-authentication-info') return [name, redactAuthInfo(value, name, redactor, where)];
    if (isSecretHeader(lower) && value !== '') return [name, redactor.hideValue(value, name, `${where} ${name}`)];
    if (URL_HEADERS.has(lower)) return [name, redactUrl(value, redactor, `${where} ${name}`)];
    return [name, value];
  });
}

export type RedactOptions = {
  /**
   * Whether to sweep this exchange for copies of every secret kept so far. redactRecording turns it off and
   * sweeps every exchange once at the end, when all secrets are known.
   */
  sweep?: boolean;
};

/** One exchange with its secrets replaced; the originals go to `vault`. */
export function redactExchange(exchange: RecordedExchange, vault: SecretVault, options: RedactOptions = {}): RedactedExchange {
  const redactor = new Redactor(vault);
  const sweep = options.sweep === false ? (text: string) => text : (text: string) => redactor.sweep(text);
  const sweepHeaders = (headers: HeaderList): HeaderList => headers.map(([name, value]) => [name, sweep(value)]);
  const n = exchange.index + 1;
  const { request, response } = exchange;
  // The credentials first: the sweep then knows their values when it reaches the URL, the bodies and the rest.
  const requestHeaders = redactHeaders(request.headers, redactor, `request ${n}`);
  const requestPseudo = redactHeaders(request.pseudoHeaders, redactor, `request ${n}`).map(([name, value]): [string, string] =>
    name === ':path' ? [name, redactUrl(value, redactor, `request ${n} :path`)] : [name, value],
  );
  const responseHeaders = redactHeaders(response.headers, redactor, `response ${n}`);
  const url = redactUrl(request.url, redactor, `request ${n} URL`);
  const redirectUrl = response.redirectUrl === undefined ? undefined : redactUrl(response.redirectUrl, redactor, `response ${n} redirect`);
  const requestBody = redactBody(request.body, redactor, `request ${n} body`);
  const responseBody = redactBody(response.body, redactor, `response ${n} body`);
  const sweepBody = (body: typeof requestBody) => (body?.kind === 'text' ? { ...body, text: sweep(body.text) } : body);
  const reqBody = sweepBody(requestBody);
  const resBody = sweepBody(responseBody);
  return {
    index: exchange.index,
    ...(exchange.startedAt !== undefined ? { startedAt: exchange.startedAt } : {}),
    ...(exchange.durationMs !== undefined ? { durationMs: exchange.durationMs } : {}),
    request: {
      method: sweep(request.method),
      url: sweep(url),
      httpVersion: request.httpVersion,
      headers: sweepHeaders(requestHeaders),
      pseudoHeaders: sweepHeaders(requestPseudo),
      ...(reqBody ? { body: reqBody } : {}),
    },
    response: {
      status: response.status,
      statusText: sweep(response.statusText),
      httpVersion: response.httpVersion,
      headers: sweepHeaders(responseHeaders),
      pseudoHeaders: sweepHeaders(response.pseudoHeaders),
      ...(resBody ? { body: resBody } : {}),
      ...(redirectUrl !== undefined ? { redirectUrl: sweep(redirectUrl) } : {}),
    },
    meta: {
      ...exchange.meta,
      ...(exchange.meta.error !== undefined ? { error: sweep(exchange.meta.error) } : {}),
      ...(exchange.meta.notes ? { notes: exchange.meta.notes.map(sweep) } : {}),
    },
    redacted: true,
    redactions: redactor.redactions,
  };
}

export type RedactedRecording = { exchanges: RedactedExchange[]; vault: SecretVault };

/**
 * Every exchange of a recording redacted with one vault (equal secrets, equal ids across exchanges), then
 * swept once all secrets are known: a value kept from exchange 7 (a token response) may sit unrecognised in
 * exchange 3 (a URL on a page). `onProgress` is called as exchanges are swept (the longer of the two passes).
 */
export function redactRecording(
  read: Extract<RecordingRead, { kind: 'recording' }>,
  vault = new SecretVault(),
  onProgress?: (done: number, total: number) => void,
): RedactedRecording {
  const first = read.exchanges.map((exchange) => redactExchange(exchange, vault, { sweep: false }));
  const all = new Redactor(vault);
  const sweep = (text: string) => all.sweep(text);
  const total = first.length;
  const exchanges = first.map((exchange, i) => {
    if (onProgress && (i + 1) % 500 === 0) onProgress(i + 1, total);
    return sweepExchange(exchange, sweep);
  });
  onProgress?.(total, total);
  return { exchanges, vault };
}

function sweepExchange(exchange: RedactedExchange, sweep: (text: string) => string): RedactedExchange {
  const headers = (list: HeaderList): HeaderList => list.map(([name, value]) => [name, sweep(value)]);
  const body = (b: RedactedExchange['request']['body']) => (b?.kind === 'text' ? { ...b, text: sweep(b.text) } : b);
  const { request, response } = exchange;
  const reqBody = body(request.body);
  const resBody = body(response.body);
  return {
    ...exchange,
    request: {
      ...request,
      url: sweep(request.url),
      headers: headers(request.headers),
      pseudoHeaders: headers(request.pseudoHeaders),
      ...(reqBody ? { body: reqBody } : {}),
    },
    response: {
      ...response,
      statusText: sweep(response.statusText),
      headers: headers(response.headers),
      pseudoHeaders: headers(response.pseudoHeaders),
      ...(resBody ? { body: resBody } : {}),
      ...(response.redirectUrl !== undefined ? { redirectUrl: sweep(response.redirectUrl) } : {}),
    },
    meta: {
      ...exchange.meta,
      ...(exchange.meta.error !== undefined ? { error: sweep(exchange.meta.error) } : {}),
      ...(exchange.meta.notes ? { notes: exchange.meta.notes.map(sweep) } : {}),
    },
  };
}
