import type { RedactedExchange } from './redact';
import { type RelevanceReason, isPreflight, isRedirect, ownReasons } from './relevance';

// The auth-relevant exchanges of a recording, grouped into conversations: a conversation is what one client
// said to one origin about one resource, with the redirects it followed (to another origin too: a sign-in
// page, an authorization server) and the preflights it sent first. Exchanges of one origin further apart
// than `gapMs` start a new conversation. Works on redacted exchanges only: this is what the page shows.

export type ConversationHop = {
  exchange: RedactedExchange;
  /** Why the hop is in the conversation; never empty. */
  reasons: RelevanceReason[];
  /** The origin (scheme://host[:port]) the request went to. */
  origin: string;
  /** The index of the exchange whose redirect this request followed, when it followed one. */
  redirectedFrom?: number;
  /** The request went to another origin than the hop before it in the conversation. */
  crossOrigin: boolean;
};

export type Conversation = {
  /** From 1, in the order the conversations started. */
  id: number;
  /** The origin of the first request: the resource the client wanted. */
  origin: string;
  /** Every origin the conversation reached, in the order reached. */
  origins: string[];
  hops: ConversationHop[];
  /** Unix ms of the first request, when the recording had times. */
  startedAt?: number;
  endedAt?: number;
};

export type GroupOptions = {
  /** A pause longer than this (ms) between two exchanges of one origin starts a new conversation. Default 30 s. */
  gapMs?: number;
};

export const DEFAULT_GAP_MS = 30_000;

/**
 * scheme://host[:port] of a (possibly redacted) URL. Not `new URL`: a placeholder in the userinfo has a '#',
 * which a URL parser reads as the start of the fragment.
 */
export function originOf(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (!scheme) return '';
  const rest = url.slice(scheme[0].length);
  const authority = rest.slice(0, rest.search(/[/?]|$/));
  const host = authority.slice(authority.lastIndexOf('@') + 1).split('#')[0] ?? '';
  return `${(scheme[1] ?? '').toLowerCase()}://${host.toLowerCase()}`;
}

/** A redirect's Location compared with a request URL: the same once the fragment is left out (RFC 9110 §10.2.2). */
const sameTarget = (location: string, url: string): boolean => location.split('#')[0] === url.split('#')[0];

/** Links each request to the redirect it followed: the first later request to the URL a 3xx pointed at. */
function redirectLinks(exchanges: readonly RedactedExchange[]): Map<number, number> {
  const followed = new Map<number, number>(); // exchange index -> index of the redirect it followed
  exchanges.forEach((exchange, at) => {
    if (!isRedirect(exchange) || !exchange.response.redirectUrl) return;
    const location = exchange.response.redirectUrl;
    for (let next = at + 1; next < exchanges.length && next <= at + 50; next++) {
      const candidate = exchanges[next];
      if (candidate && !followed.has(candidate.index) && sameTarget(location, candidate.request.url)) {
        followed.set(candidate.index, exchange.index);
        return;
      }
    }
  });
  return followed;
}

const byTime = (a: RedactedExchange, b: RedactedExchange): number => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.index - b.index;

/** Which exchanges are relevant, and why: their own reasons, then redirect chains and preflights linked to them. */
function relevance(exchanges: readonly RedactedExchange[], followed: Map<number, number>): Map<number, RelevanceReason[]> {
  const reasons = new Map<number, RelevanceReason[]>();
  for (const exchange of exchanges) {
    const own = ownReasons(exchange);
    if (own.length > 0) reasons.set(exchange.index, own);
  }
  // A redirect chain is relevant as a whole when one link is: walk the links both ways until nothing changes.
  const pairs = [...followed.entries()];
  for (let changed = true; changed;) {
    changed = false;
    for (const [to, from] of pairs) {
      const a = reasons.has(from);
      const b = reasons.has(to);
      if (a === b) continue;
      reasons.set(a ? to : from, ['redirect-chain']);
      changed = true;
    }
  }
  // A preflight belongs to the relevant request that follows it to the same URL.
  exchanges.forEach((exchange, at) => {
    if (!isPreflight(exchange) || reasons.has(exchange.index)) return;
    const actual = exchanges.slice(at + 1, at + 20).find((e) => e.request.url === exchange.request.url && !isPreflight(e));
    if (actual && reasons.has(actual.index)) reasons.set(exchange.index, ['preflight']);
  });
  return reasons;
}

/** Groups the auth-relevant exchanges into conversations, each in request order. Pure; never throws on odd input. */
export function groupConversations(exchanges: readonly RedactedExchange[], options: GroupOptions = {}): Conversation[] {
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const ordered = [...exchanges].sort(byTime);
  const followed = redirectLinks(ordered);
  const reasons = relevance(ordered, followed);
  const conversations: Conversation[] = [];
  const conversationOf = new Map<number, Conversation>();
  for (const exchange of ordered) {
    const why = reasons.get(exchange.index);
    if (!why) continue;
    const origin = originOf(exchange.request.url);
    const from = followed.get(exchange.index);
    const start = exchange.startedAt;
    const end = start === undefined ? undefined : start + (exchange.durationMs ?? 0);
    let conversation = from === undefined ? undefined : conversationOf.get(from);
    if (!conversation) {
      // The latest conversation that reached this origin and is still going; a preflight joins it too.
      for (let i = conversations.length - 1; i >= 0 && !conversation; i--) {
        const candidate = conversations[i];
        if (!candidate?.origins.includes(origin)) continue;
        const quiet = start !== undefined && candidate.endedAt !== undefined ? start - candidate.endedAt : 0;
        if (quiet <= gapMs) conversation = candidate;
        else break;
      }
    }
    if (!conversation) {
      conversation = { id: conversations.length + 1, origin, origins: [origin], hops: [], ...(start !== undefined ? { startedAt: start } : {}) };
      conversations.push(conversation);
    }
    const previous = conversation.hops[conversation.hops.length - 1];
    conversation.hops.push({
      exchange,
      reasons: why,
      origin,
      ...(from !== undefined ? { redirectedFrom: from } : {}),
      crossOrigin: previous !== undefined && previous.origin !== origin,
    });
    if (!conversation.origins.includes(origin)) conversation.origins.push(origin);
    if (end !== undefined) conversation.endedAt = Math.max(conversation.endedAt ?? end, end);
    conversationOf.set(exchange.index, conversation);
  }
  return conversations;
}
