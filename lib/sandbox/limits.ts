// Bounds on what one request may make the sandbox read: the engine only needs small messages. Both HTTP
// adapters enforce them, and the OpenAPI document states them.
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_HEADER_BYTES = 16 * 1024;
export const MAX_TARGET_LENGTH = 4096;
