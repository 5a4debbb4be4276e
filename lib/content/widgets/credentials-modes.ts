import * as z from 'zod';
import { BROWSER_FACTS, enginesDiffer } from '../browser-facts';
import { type BrowserFact, CREDENTIALS_MODES, type CredentialsMode } from '../browser-facts-schema';
import { parseWidgetProps, widgetError } from './props';

// <CredentialsModeDiagram caption="..." />: Fetch's three credentials modes against a same-origin and a
// cross-origin request. What the lab tested comes from content/browser-facts.yaml (checked in Chromium and
// Firefox by tests/browser/browser-facts.test.ts); the rest is the Fetch standard, and each cell says which.

export const credentialsModesPropsSchema = z.object({ caption: z.string().trim().min(1, 'must not be empty') }).strict();

export type CredentialsModesProps = z.input<typeof credentialsModesPropsSchema>;

export type RequestSite = 'same-origin' | 'cross-origin';

/** Where a cell's claim comes from: a fact both engines were seen to do, or the standard. */
export type ClaimSource = { kind: 'tested'; factId: string } | { kind: 'fetch-standard' };

/** How a script may read the response: always, after a CORS check, or after the stricter credentialed one. */
export type Readable = { kind: 'always' } | { kind: 'cors' } | { kind: 'cors-with-credentials' };

export type CredentialsCell = { site: RequestSite; attaches: boolean; source: ClaimSource; readable: Readable };
export type CredentialsRow = { mode: CredentialsMode; cells: CredentialsCell[] };
/** Set when both engines send a script's own Authorization even with 'omit': then the note says so. */
export type CredentialsModesModel = { caption: string; rows: CredentialsRow[]; ownAuthorization?: { factId: string } };

/**
 * The same-origin column: the lab's `remembered-credentials` fact for the mode, which both engines must
 * agree on (a diagram cannot draw "it depends"; <BrowserFacts> is for facts where engines differ).
 */
function sameOriginAttaches(mode: CredentialsMode, facts: readonly BrowserFact[], name: string): CredentialsCell {
  const fact = facts.find((f) => f.kind === 'remembered-credentials' && f.probe.credentials === mode);
  if (fact?.kind !== 'remembered-credentials') throw widgetError(name, [`content/browser-facts.yaml has no remembered-credentials fact for credentials: ${mode}`]);
  if (enginesDiffer(fact)) throw widgetError(name, [`fact "${fact.id}": Chromium and Firefox differ, so one diagram cell cannot say what browsers do`]);
  return { site: 'same-origin', attaches: fact.chromium.attaches, source: { kind: 'tested', factId: fact.id }, readable: { kind: 'always' } };
}

/**
 * The cross-origin column, from the Fetch standard: only 'include' lets the browser add its credentials to
 * another origin ("includeCredentials" in HTTP-network-or-cache fetch), and then the CORS check demands
 * Access-Control-Allow-Credentials: true and the page's exact origin, never "*".
 */
function crossOrigin(mode: CredentialsMode): CredentialsCell {
  const include = mode === 'include';
  return { site: 'cross-origin', attaches: include, source: { kind: 'fetch-standard' }, readable: { kind: include ? 'cors-with-credentials' : 'cors' } };
}

export function credentialsModesModel(props: unknown, facts: readonly BrowserFact[] = BROWSER_FACTS): CredentialsModesModel {
  const name = '<CredentialsModeDiagram>';
  const { caption } = parseWidgetProps(credentialsModesPropsSchema, props, name);
  const rows = CREDENTIALS_MODES.map((mode): CredentialsRow => ({ mode, cells: [sameOriginAttaches(mode, facts, name), crossOrigin(mode)] }));
  const own = facts.find((f) => f.id === 'script-authorization-omit');
  const ownSent = own?.kind === 'script-header' && own.chromium.sent && own.firefox.sent;
  return ownSent ? { caption, rows, ownAuthorization: { factId: own.id } } : { caption, rows };
}
