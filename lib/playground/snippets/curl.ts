import type { HeaderList } from '@/lib/sandbox/message';

// A curl command line for a request: the same request model the playground and the lessons use.

export type SnippetRequest = { method: string; url: string; headers: HeaderList; body?: string };

/** POSIX shell single quoting: the only character needing care inside '...' is ' itself. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(request: SnippetRequest): string {
  const parts = ['curl', '-i'];
  const hasBody = request.body !== undefined && request.body !== '';
  // curl infers GET, or POST from --data; name any other method explicitly.
  if (!(request.method === 'GET' || (request.method === 'POST' && hasBody))) parts.push('-X', request.method);
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (hasBody) parts.push('--data-raw', shellQuote(request.body ?? ''));
  parts.push(shellQuote(request.url));
  return parts.join(' ');
}
