import type { SandboxContext } from '../context';
import { runExchange } from './run';
import { exchangeInputSchema } from './input';
import { firstHeader, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import type { SendRequest } from '../routes/route';

// POST /api/exchange (the route checks the method), independent of the HTTP library: JSON in, transcript out, problem+json on any
// bad input (never a 500 for something the client sent).

/**
 * `send` runs each request of the conversation through the sandbox's router (the route passes its own);
 * `origin` gives the lab's origin as this request reached it, which oauth mode's documents name; it is
 * asked only in oauth mode, so auto and manual runs never parse the Host field for it.
 */
export async function exchangeEndpoint(request: SandboxRequest, ctx: SandboxContext, send: SendRequest, origin?: () => string): Promise<SandboxResponse> {
  const contentType = firstHeader(request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return problemResponse({ status: 415, detail: 'Send the request description as application/json.' });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.body));
  } catch (error) {
    return problemResponse({ status: 400, detail: `The body is not valid JSON: ${(error as Error).message}` });
  }
  const input = exchangeInputSchema.safeParse(json);
  if (!input.success) {
    const issues = input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const detail = `The request description is invalid: ${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')}`;
    return problemResponse({ status: 400, detail, extensions: { issues } });
  }
  const transcript = await runExchange(input.data, ctx, send, input.data.mode === 'oauth' ? origin?.() : undefined);
  return {
    status: 200,
    headers: [
      ['Content-Type', 'application/json'],
      ['Cache-Control', 'no-store'],
    ],
    body: JSON.stringify(transcript),
  };
}
