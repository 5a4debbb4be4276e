import type { Conversation, RecordedBody } from '@/lib/har';

// The "[redacted #ID: shape]" placeholders a conversation shows, each once, for the list of values a reader
// may reveal. Read from the fields the views draw (URL, headers, bodies), not from a JSON dump, whose escaping
// would garble a shape with quotes in it.

const PLACEHOLDER = /\[redacted #(\d+): ([^\]]*)\]/g;

function texts(conversation: Conversation): string[] {
  const body = (b: RecordedBody | undefined) => (b?.kind === 'text' ? [b.text] : []);
  return conversation.hops.flatMap(({ exchange: { request, response } }) => [
    request.url,
    ...request.headers.map(([, value]) => value),
    ...body(request.body),
    ...response.headers.map(([, value]) => value),
    ...body(response.body),
    response.redirectUrl ?? '',
  ]);
}

export type RedactedPlaceholder = { id: string; shape: string };

export function conversationPlaceholders(conversation: Conversation): RedactedPlaceholder[] {
  const found = new Map<string, string>();
  for (const text of texts(conversation)) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const [, id = '', shape = ''] = match;
      if (!found.has(id)) found.set(id, shape);
    }
  }
  return [...found].map(([id, shape]) => ({ id, shape })).sort((a, b) => Number(a.id) - Number(b.id));
}
