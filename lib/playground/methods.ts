// Which methods carry request content. RFC 9110 §9.3.1 (GET) and §9.3.2 (HEAD): content has no
// defined semantics and may be rejected; §9.3.8: a client must not send content in TRACE. Fetch
// throws on a GET or HEAD body, so the playground keeps what the reader typed but never sends it.

const WITHOUT_CONTENT = new Set(['GET', 'HEAD', 'TRACE']);

export function methodHasContent(method: string): boolean {
  return !WITHOUT_CONTENT.has(method.toUpperCase());
}

/** The body a request for `method` actually sends: '' for methods without content. */
export function contentFor(method: string, body: string): string {
  return methodHasContent(method) ? body : '';
}
