import { contentFor } from '../methods';
import type { PlaygroundState } from '../model';
import type { SnippetGrammar } from './highlight';
import { curlCommand, type SnippetRequest } from './curl';
import { fetchSnippet } from './fetch';
import { httpieSnippet } from './httpie';
import { nodeSnippet } from './node';
import { pythonSnippet } from './python';

// Every snippet language the playground offers, each built from the same SnippetRequest.
// `grammar` is the lexer that colours it (highlight.ts: why not Shiki on this page).

export const SNIPPET_LANGUAGES = [
  { id: 'curl', label: 'curl', grammar: 'shell' },
  { id: 'fetch', label: 'JavaScript (fetch)', grammar: 'javascript' },
  { id: 'python', label: 'Python (requests)', grammar: 'python' },
  { id: 'httpie', label: 'HTTPie', grammar: 'shell' },
  { id: 'node', label: 'Node.js (node:http)', grammar: 'javascript' },
] as const satisfies readonly { id: string; label: string; grammar: SnippetGrammar }[];

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]['id'];

export function isSnippetLanguage(id: string): id is SnippetLanguage {
  return SNIPPET_LANGUAGES.some((language) => language.id === id);
}

export function snippetFor(language: SnippetLanguage, request: SnippetRequest): string {
  switch (language) {
    case 'curl':
      return curlCommand(request);
    case 'fetch':
      return fetchSnippet(request);
    case 'python':
      return pythonSnippet(request);
    case 'httpie':
      return httpieSnippet(request);
    case 'node':
      return nodeSnippet(request);
    default: {
      const never: never = language;
      return never;
    }
  }
}

/**
 * The request a snippet sends for a playground state, against the lab at `origin` (e.g.
 * "https://lab.example"): the same body rule as requestForSend (none for GET, HEAD, TRACE).
 */
export function snippetRequestFor(state: PlaygroundState, origin: string): SnippetRequest {
  const { method, target, headers, body } = state.request;
  return { method, url: `${origin.replace(/\/+$/, '')}${target}`, headers, body: contentFor(method, body) };
}
