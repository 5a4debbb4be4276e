import type { SandboxContext } from '../context';
import type { SandboxRequest, SandboxResponse } from '../message';
import { problemResponse } from '../problem';
import { handleSandboxRequest } from '../routes/router';

/** The sandbox's single entry for every HTTP adapter. An unexpected error is a logged 500, never a crash. */
export async function dispatch(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  try {
    return await handleSandboxRequest(request, ctx);
  } catch (error) {
    // Log the error, never the request: it may carry credentials.
    console.error('[sandbox] unexpected error', error);
    return problemResponse({ status: 500, detail: 'The sandbox failed unexpectedly; this is a bug in the lab, not in your request.' });
  }
}
