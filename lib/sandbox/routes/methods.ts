// The methods each kind of sandbox URL takes: a 405 lists them in Allow (RFC 9110 §15.5.6), and an
// OPTIONS request, preflight or not, is told them (RFC 9110 §9.3.7).

/** A scenario answers every method, each with its challenge. */
export const SANDBOX_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** The token endpoint takes a form POST (RFC 6749 §3.2). */
export const TOKEN_METHODS = 'POST, OPTIONS';
/** The preset list and the OpenAPI document are read-only. */
export const READ_METHODS = 'GET, HEAD, OPTIONS';
