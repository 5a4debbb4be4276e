import type { ConnectionView, ExchangeStep, Transcript } from '@/lib/sandbox/exchange/input';
import type { TraceStep } from '@/lib/sandbox/engine/trace';
import { rawRequest, rawResponse } from '@/lib/sandbox/exchange/raw';
import { firstHeader, headerValues } from '@/lib/sandbox/message';
import { getParam, parseChallenges } from '@/lib/http-auth';
import { type Conversation, type ConversationHop, originOf } from './conversations';

// A conversation in the shape the playground's conversation view and sequence diagram draw (Transcript, from
// lib/sandbox/exchange/input.ts: TranscriptPanel, TranscriptSequenceDiagram, ExchangeStepView), so a recorded
// session is shown exactly as the lab's own exchanges are. What a recording cannot know is left empty rather
// than made up: there is no engine trace (the server's reasoning is not recorded), only the proxy hop a 407
// proves; the messages are shown as HTTP/1.1 text, as the playground shows its own.

const TEXT_ENCODER = new TextEncoder();

/** origin-form for the conversation's own origin, absolute-form for any other (RFC 9112 §3.2.1, §3.2.2). */
function requestTarget(url: string, conversationOrigin: string): string {
  const origin = originOf(url);
  if (origin === '' || origin !== conversationOrigin) return url;
  const rest = url.slice(url.indexOf('://') + 3);
  const path = rest.search(/[/?]/);
  const target = path < 0 ? '/' : rest.slice(path);
  return (target.startsWith('?') ? `/${target}` : target).split('#')[0] ?? '/';
}

function hostOf(hop: ConversationHop): string {
  return firstHeader(hop.exchange.request.pseudoHeaders, ':authority') ?? hop.origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/** The realm of the first Proxy-Authenticate challenge, for the one trace step a recording proves: a proxy answered. */
function proxyStep(hop: ConversationHop): (TraceStep & { text: string }) | undefined {
  const { response } = hop.exchange;
  const fields = headerValues(response.headers, 'Proxy-Authenticate');
  if (response.status !== 407 && fields.length === 0) return undefined;
  const parsed = fields.length > 0 ? parseChallenges(fields) : undefined;
  const realm = parsed?.ok ? (getParam(parsed.value[0]?.params ?? {}, 'realm') ?? '') : '';
  return {
    kind: 'hop',
    hop: 'proxy',
    realm,
    text: `A proxy answered ${response.status}${realm ? ` for realm "${realm}"` : ''}: the request did not reach the origin (RFC 9110 §15.5.8).`,
  };
}

function nextMove(hop: ConversationHop, after: ConversationHop | undefined): ExchangeStep['next'] {
  if (!after) return { kind: 'stop', explanation: 'The recording shows no further request in this conversation.' };
  const { request: nextRequest } = after.exchange;
  if (after.redirectedFrom === hop.exchange.index) {
    return { kind: 'follow', explanation: `The client followed the redirect to ${nextRequest.url}${after.crossOrigin ? ', another origin' : ''}.` };
  }
  if (nextRequest.url === hop.exchange.request.url && nextRequest.method === hop.exchange.request.method) {
    return { kind: 'retry', explanation: 'The client sent the same request again.' };
  }
  return { kind: 'follow', explanation: `The client went on with ${nextRequest.method} ${nextRequest.url}.` };
}

/** Connection ids (HAR's `connection`) numbered from 1 in order of first use; `opened` on that first use. */
function connections(conversation: Conversation): Array<ConnectionView | undefined> {
  const seen = new Map<string, number>();
  return conversation.hops.map(({ exchange }) => {
    const key = exchange.meta.connection;
    if (key === undefined) return undefined;
    const known = seen.get(key);
    if (known !== undefined) return { id: known, opened: false };
    seen.set(key, seen.size + 1);
    return { id: seen.size, opened: true };
  });
}

const bodyText = (body: ConversationHop['exchange']['request']['body']): string => (body?.kind === 'text' ? body.text : '');

/** A conversation as the playground's Transcript (mode 'manual': one recorded request per step). */
export function conversationTranscript(conversation: Conversation): Transcript {
  const views = connections(conversation);
  const hasProxy = conversation.hops.some((hop) => proxyStep(hop) !== undefined);
  const steps = conversation.hops.map((hop, i): ExchangeStep => {
    const { request, response } = hop.exchange;
    const target = requestTarget(request.url, conversation.origin);
    const body = bodyText(request.body);
    const sandboxRequest = { method: request.method, target, headers: request.headers, body: TEXT_ENCODER.encode(body) };
    const requestView = { method: request.method, target, headers: request.headers, body, raw: rawRequest(sandboxRequest, hostOf(hop)) };
    const responseBody = bodyText(response.body);
    const proxy = proxyStep(hop);
    // With a proxy on the path, what got past it reached the origin: Proxy-Authorization is the proxy's (RFC 9110 §11.7.2).
    const forwarded =
      hasProxy && !proxy ? { ...requestView, headers: request.headers.filter(([name]) => name.toLowerCase() !== 'proxy-authorization') } : undefined;
    const view = views[i];
    return {
      request: requestView,
      ...(forwarded ? { forwarded: { ...forwarded, raw: rawRequest({ ...sandboxRequest, headers: forwarded.headers }, hostOf(hop)) } } : {}),
      response: {
        status: response.status,
        headers: response.headers,
        body: responseBody,
        raw: rawResponse({ status: response.status, headers: response.headers, body: responseBody }),
      },
      respondedBy: proxy ? 'proxy' : 'origin',
      trace: proxy ? [proxy] : [],
      ...(view ? { connection: view } : {}),
      next: nextMove(hop, conversation.hops[i + 1]),
    };
  });
  return { mode: 'manual', steps };
}
