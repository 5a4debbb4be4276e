import { exchangeEndpoint } from '../exchange/endpoint';
import { MAX_BODY_BYTES } from '../limits';
import { json, problem, ref } from '../openapi/refs';
import type { PathItem } from '../openapi/types';
import { EXCHANGE_PATH, SANDBOX_PREFIX } from './paths';
import { labOrigin } from './oauth-http';
import type { EndpointRoute } from './route';

// POST /api/exchange: the playground's door. The lab's own pages call it, and so do copies of the
// lessons elsewhere (a SCORM package runs from file://, Origin "null", or from an LMS's origin), so it
// sends the sandbox's CORS fields: "*" and never Access-Control-Allow-Credentials, which browsers
// refuse to combine with "*" (WHATWG Fetch, CORS check), and the lab sets no cookies anyway. It runs
// every request of the conversation through the router it was called from (send), in-process; nothing
// leaves the server, so any origin calling it can reach only what it could reach with curl.

function describe(): PathItem {
  return {
    post: {
      operationId: 'runExchange',
      summary: 'Run a whole exchange',
      description: `The playground's door: post a request description, get the whole conversation back, hop by hop, with a trace of every decision. Targets must be under ${SANDBOX_PREFIX}/ and nothing leaves the server. In auto mode a simulated client answers each challenge with what it holds, as a careful client would. In oauth mode it follows a 401's resource_metadata through discovery, registration, the consent page (signing in as signIn says), the token endpoint and back (RFC 9728, RFC 8414, RFC 7591, RFC 7636, RFC 8707).`,
      tags: ['Playground'],
      security: [],
      requestBody: {
        required: true,
        description: 'A request description.',
        content: {
          'application/json': { schema: ref('ExchangeRequest'), example: { request: { method: 'GET', target: `${SANDBOX_PREFIX}/basic` }, mode: 'auto' } },
        },
      },
      responses: {
        '200': {
          description: 'The transcript: each request, the response and who sent it, the trace and what the client does next.',
          content: json('Transcript'),
        },
        '400': { description: 'The body is not JSON, or not a valid request description; the issues member lists each problem.', content: problem() },
        '405': { description: 'Any method but POST.', content: problem() },
        '413': { description: `A body larger than ${MAX_BODY_BYTES} bytes.`, content: problem() },
        '415': { description: 'A body that is not application/json.', content: problem() },
      },
    },
  };
}

export const exchangeRoute: EndpointRoute = {
  kind: 'endpoint',
  path: EXCHANGE_PATH,
  methods: ['POST'],
  cors: true,
  wrongMethod: `POST a JSON request description to ${EXCHANGE_PATH}.`,
  // oauth mode follows documents that name the origin the lab was reached at (RFC 9728 §3.3 compares exactly).
  handle: async (request, { ctx, send }) => ({ response: await exchangeEndpoint(request, ctx, send, () => labOrigin(request, ctx)), trace: [] }),
  describe,
};
