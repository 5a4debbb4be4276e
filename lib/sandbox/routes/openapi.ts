import { openApiJson } from '../openapi/document';
import { text } from '../openapi/refs';
import type { PathItem } from '../openapi/types';
import { OPENAPI_PATH } from './paths';
import { readOnlyJsonRoute } from './read-only';
import type { EndpointRoute } from './route';

// GET /api/sandbox/openapi.json: the OpenAPI document of the very table that routed the request.

function describe(): PathItem {
  return {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      description:
        "This OpenAPI 3.1 document, generated from the sandbox's own presets, query parameters and endpoint table, so it always says what the server does. Import it into Postman, Insomnia or any OpenAPI tool.",
      tags: ['Discovery'],
      security: [],
      responses: {
        '200': {
          description: 'The OpenAPI document.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['openapi', 'info', 'paths'],
                properties: { openapi: text, info: { type: 'object' }, paths: { type: 'object' } },
              },
            },
          },
        },
      },
    },
  };
}

export const openApiRoute: EndpointRoute = readOnlyJsonRoute(OPENAPI_PATH, ({ routes }) => openApiJson(routes), describe);
