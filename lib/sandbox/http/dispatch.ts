import type { SandboxContext } from '../context';
import { targetPath, type SandboxRequest, type SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { handleSandboxRequest, SANDBOX_PREFIX } from '../routes/router';
import { exchangeEndpoint } from '../exchange/endpoint';

export const EXCHANGE_PATH = '/api/exchange';

/** Is this URL path served by the sandbox (and not by Next)? */
export function isSandboxPath(path: string): boolean {
  return path === SANDBOX_PREFIX || path.startsWith(`${SANDBOX_PREFIX}/`) || path === EXCHANGE_PATH;
}

/** The sandbox's single entry for every HTTP adapter. An unexpected error is a logged 500, never a crash. */
export async function dispatch(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  try {
    const path = targetPath(request.target);
    return path === EXCHANGE_PATH ? await exchangeEndpoint(request, ctx) : await handleSandboxRequest(request, ctx);
  } catch (error) {
    // Log the error, never the request: it may carry credentials.
    console.error('[sandbox] unexpected error', error);
    return problemResponse({ status: 500, detail: 'The sandbox failed unexpectedly; this is a bug in the lab, not in your request.' });
  }
}
