import type { PathItem } from '../openapi/types';
import type { EndpointRoute, RouteCall } from './route';

/**
 * A read-only JSON document (the preset list, the OpenAPI document): GET and HEAD from any origin, and
 * any other method a 405 that says so.
 */
export function readOnlyJsonRoute(path: string, body: (call: RouteCall) => string, describe: () => PathItem): EndpointRoute {
  return {
    kind: 'endpoint',
    path,
    methods: ['GET', 'HEAD'],
    cors: true,
    wrongMethod: `${path} is read-only: use GET or HEAD.`,
    handle: (_request, call) => ({ response: { status: 200, headers: [['Content-Type', 'application/json']], body: body(call) }, trace: [] }),
    describe,
  };
}
