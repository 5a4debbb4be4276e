import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../problem';
export { SCHEME_NAMES } from '../scenario/scenario';
import type { JsonSchema, Ref } from './types';

// Small builders every part of the OpenAPI document shares.

export const ref = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
/** A problem details body (RFC 9457), or one of its extensions such as TokenError. */
export const problem = (name = 'Problem') => ({ [PROBLEM_CONTENT_TYPE]: { schema: ref(name) } });
export const json = (name: string, example?: unknown) => ({ 'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) } });
export const text: JsonSchema = { type: 'string' };

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema keyword. */
export function jsonSchema(schema: z.core.$ZodType): JsonSchema {
  const converted: JsonSchema = { ...z.toJSONSchema(schema, { io: 'input' }) };
  delete converted.$schema;
  return converted;
}
