// fetch, tried again once on a new connection after a network error. Node's fetch reuses kept-alive
// connections across test files in a worker; one the server closes just as a request leaves fails with
// "other side closed" before the server read anything (RFC 9112 §9.3.1 lets a client retry then). The
// lab's own export code does the same for its GETs (lib/export/fetch-own.ts).
export async function fetchRetryingOnce(input: string | URL, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    return fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), connection: 'close' } });
  }
}
