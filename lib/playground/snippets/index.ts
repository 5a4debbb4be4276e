import type { SnippetGrammar } from './highlight';
import { curlSnippet } from './curl';
import { fetchSnippet } from './fetch';
import { httpieSnippet } from './httpie';
import { nodeSnippet } from './node';
import type { SnippetPlan } from './plan';
import { pythonSnippet } from './python';

// Every snippet language the playground offers, each built from the same SnippetPlan (plan.ts).
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

export function snippetFor(language: SnippetLanguage, plan: SnippetPlan): string {
  switch (language) {
    case 'curl':
      return curlSnippet(plan);
    case 'fetch':
      return fetchSnippet(plan);
    case 'python':
      return pythonSnippet(plan);
    case 'httpie':
      return httpieSnippet(plan);
    case 'node':
      return nodeSnippet(plan);
    default: {
      const never: never = language;
      return never;
    }
  }
}
