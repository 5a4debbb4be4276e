// Thin Web adapter for `next dev`: the OAuth metadata documents live at the root's /.well-known/ (RFC 9728
// §3.1, RFC 8414 §3.1). In production server.ts answers the route table's paths before Next sees them.
import { dispatch } from '@/lib/sandbox/http/dispatch';
import { fromWebRequest, toWebResponse } from '@/lib/sandbox/http/web';
import { sandboxContext } from '@/lib/sandbox/runtime';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const converted = await fromWebRequest(request);
  const response = 'error' in converted ? converted.error : await dispatch(converted, sandboxContext());
  return toWebResponse(response, request.method);
}

export { handle as GET, handle as HEAD, handle as OPTIONS, handle as POST };
