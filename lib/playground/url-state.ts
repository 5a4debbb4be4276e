import { exchangeInputSchema, headerFieldSchema } from '@/lib/sandbox/exchange/input';
import { CLIENT_PARAMS, decodeClient, encodeClient } from './client-params';
import { defaultState, PLAYGROUND_STATE_VERSION, playgroundStateSchema, presetStartState, type PlaygroundState } from './model';
import { decodeSignIn, encodeSignIn, SIGN_IN_PARAMS } from './sign-in-params';

// The playground state as a share link: /playground?v=1&p=basic&h=Authorization:Basic+YWxp...
// Readable on purpose (a trainer can edit a link by hand) and short: only what differs from the
// preset is written. Decoding never throws: a link is user input, so every part is validated with
// the exchange's own schemas and a bad part falls back to the preset's value with a problem saying so.

/** Browsers and proxies cope with longer URLs, but many chat tools and QR codes do not. */
export const SHARE_URL_LIMIT = 2000;

const requestShape = exchangeInputSchema.shape.request.shape;
const SINGLE = ['v', 'p', 'm', 't', 'b', 'mode', ...CLIENT_PARAMS, ...SIGN_IN_PARAMS];
const KNOWN = new Set([...SINGLE, 'h']);
const MAX_HEADERS = 50;

/** Replaces unpaired surrogates (which UTF-8 cannot carry) so encodeURIComponent cannot throw. */
const wellFormed = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Form encoding that keeps link text readable: space as "+", and , : / @ ; $ ? = left as they are
 * (none of them ends a value in application/x-www-form-urlencoded, only & does).
 */
function formValue(value: string): string {
  return encodeURIComponent(wellFormed(value))
    .replace(/%(2C|3A|2F|40|3B|24|3F|3D)/g, (escape) => decodeURIComponent(escape))
    .replace(/%20/g, '+');
}

const sameHeaders = (a: PlaygroundState['request']['headers'], b: PlaygroundState['request']['headers']) =>
  a.length === b.length && a.every(([name, value], i) => b[i]?.[0] === name && b[i]?.[1] === value);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A copy: preset objects are shared, and a decoded state is the caller's to keep. */
function presetStateFor(id: string): PlaygroundState {
  return presetStartState(id) ?? structuredClone(defaultState());
}

/** The query string (no "?") for /playground that reopens this state. */
export function encodeState(state: PlaygroundState): string {
  const base = presetStateFor(state.preset);
  const { method, target, headers, body } = state.request;
  const params: [string, string][] = [
    ['v', String(state.v)],
    ['p', state.preset],
  ];
  if (method !== base.request.method) params.push(['m', method]);
  if (target !== base.request.target) params.push(['t', target]);
  if (!sameHeaders(headers, base.request.headers)) {
    // A lone empty h= says "no headers", which differs from "the preset's headers" (no h at all).
    if (headers.length === 0) params.push(['h', '']);
    for (const [name, value] of headers) params.push(['h', `${name}:${value}`]);
  }
  if (body !== base.request.body) params.push(['b', body]);
  if (state.mode !== base.mode) params.push(['mode', state.mode]);
  if (!sameJson(state.client, base.client)) params.push(...encodeClient(state.client));
  params.push(...encodeSignIn(state.signIn, base.signIn));
  return params.map(([name, value]) => `${name}=${formValue(value)}`).join('&');
}

export function shareUrl(origin: string, state: PlaygroundState): string {
  return `${origin.replace(/\/+$/, '')}/playground?${encodeState(state)}`;
}

/** True when the link is too long to paste reliably; the UI then offers to copy the state instead. */
export function shareUrlTooLong(state: PlaygroundState, origin: string): boolean {
  return shareUrl(origin, state).length > SHARE_URL_LIMIT;
}

/** Shortens a value for a problem message: a hostile link may carry megabytes. */
const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);

function decodeField<T>(
  query: URLSearchParams,
  name: string,
  label: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  fallback: T,
  problems: string[],
): T {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(`The ${label} ${shown(raw)} is not valid (${result.error.issues[0]?.message ?? 'invalid'}): kept the preset's.`);
  return fallback;
}

function decodeHeaders(values: string[], fallback: PlaygroundState['request']['headers'], problems: string[]) {
  if (values.length === 0) return fallback;
  const headers: PlaygroundState['request']['headers'] = [];
  for (const [index, item] of values.entries()) {
    if (item === '') continue;
    const colon = item.indexOf(':');
    const result = headerFieldSchema.safeParse(colon === -1 ? [item, ''] : [item.slice(0, colon), item.slice(colon + 1)]);
    const issue = result.error?.issues[0];
    const dropped = `Header ${index + 1} ${shown(item)} was dropped`;
    if (colon === -1) problems.push(`${dropped}: it has no ":" between name and value.`);
    else if (issue) problems.push(`${dropped}: its ${issue.path[0] === 0 ? 'name' : 'value'} ${issue.message}.`);
    else if (headers.length >= MAX_HEADERS) problems.push(`${dropped}: a request here has at most ${MAX_HEADERS} headers.`);
    else if (result.data) headers.push(result.data);
  }
  return headers;
}

function noteUnexpected(query: URLSearchParams, problems: string[]) {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!KNOWN.has(name)) {
      if (!seen.has(name)) problems.push(`Unknown parameter ${shown(name)} was ignored.`);
    } else if (SINGLE.includes(name) && seen.has(name)) problems.push(`${name} appears more than once: the first one was used.`);
    seen.add(name);
  }
}

/** Reads a share link's query (with or without "?"). Never throws; the state is always valid. */
export function decodeState(search: string): { state: PlaygroundState; problems: string[] } {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const id = query.get('p');
  if (id !== null && !presetStartState(id)) problems.push(`There is no preset ${shown(id)}: opened the default one.`);
  const base = presetStateFor(id ?? defaultState().preset);
  const version = query.get('v');
  if (version !== null && version !== String(PLAYGROUND_STATE_VERSION)) {
    problems.push(
      `This link is in format v=${shown(version)}, which this playground does not read (it reads v=${PLAYGROUND_STATE_VERSION}): only its preset was kept.`,
    );
    return { state: base, problems };
  }
  noteUnexpected(query, problems);
  const state: PlaygroundState = {
    ...base,
    request: {
      method: decodeField(query, 'm', 'method', requestShape.method, base.request.method, problems),
      target: decodeField(query, 't', 'target', requestShape.target, base.request.target, problems),
      headers: decodeHeaders(query.getAll('h'), base.request.headers, problems),
      body: decodeField(query, 'b', 'body', requestShape.body, base.request.body, problems),
    },
    mode: decodeField(query, 'mode', 'mode', playgroundStateSchema.shape.mode, base.mode, problems),
    client: decodeClient(query, base.client, problems) ?? base.client,
    signIn: decodeSignIn(query, base.signIn, problems),
  };
  // Belt and braces: each part was checked, but the promise is that the whole state is valid.
  const checked = playgroundStateSchema.safeParse(state);
  if (checked.success) return { state: checked.data, problems };
  problems.push(`The link does not describe a valid state (${checked.error.issues[0]?.message ?? 'invalid'}): opened the preset.`);
  return { state: base, problems };
}
