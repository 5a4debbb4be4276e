// The parts of OpenAPI 3.1 the sandbox's document uses, typed so a route's description is checked.

export type JsonSchema = { [keyword: string]: unknown };
export type Ref = { $ref: string };
export type HeaderObject = { description: string; required?: boolean; schema: JsonSchema; examples?: Record<string, { summary: string; value: string }> };
export type MediaType = { schema: JsonSchema | Ref; example?: unknown };
export type ResponseObject = { description: string; headers?: Record<string, HeaderObject>; content?: Record<string, MediaType> };
export type ParameterObject = {
  name: string;
  in: 'query' | 'path';
  description: string;
  required: boolean;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
  example?: unknown;
};
export type SecurityRequirement = Record<string, string[]>;
export type OperationObject = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: { required: true; description: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  security?: SecurityRequirement[];
};
/** Parameters on the path item apply to each of its operations (the preflight too). */
export type PathItem = { parameters?: ParameterObject[]; get?: OperationObject; post?: OperationObject; options?: OperationObject };
export type OpenApiDocument = {
  openapi: '3.1.1';
  info: { title: string; version: string; summary: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};
