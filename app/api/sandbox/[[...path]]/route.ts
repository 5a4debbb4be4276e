// Thin Web adapter for `next dev`; in production server.ts answers these paths before Next sees them.
import { dispatch } from '@/lib/sandbox/http/dispatch';
import { fromWebRequest, toWebResponse } from '@/lib/sandbox/http/web';
import { sandboxContext } from '@/lib/sandbox/runtime';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const converted = await fromWebRequest(request);
  const response = 'error' in converted ? converted.error : await dispatch(converted, sandboxContext());
  return toWebResponse(response, request.method);
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
