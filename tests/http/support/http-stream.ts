// HTTP/1.1 messages read back from a byte stream as they follow one another on a connection (RFC 9112 §6:
// Content-Length or chunked framing), for the tests that record or drive a connection by hand. Through a
// CONNECT tunnel the stream goes on with the tunnelled messages, read the same way.

/** One HTTP message read back from a recorded stream; field names lower-cased. */
export type TappedRequest = { method: string; target: string; fields: Array<[string, string]> };
export type TappedResponse = { status: number; fields: Array<[string, string]>; body: string };

type Head = { startLine: string; fields: Array<[string, string]>; bodyStart: number };

function readHead(bytes: Buffer, offset: number): Head | undefined {
  const end = bytes.indexOf('\r\n\r\n', offset, 'latin1');
  if (end === -1) return undefined;
  const [startLine = '', ...lines] = bytes.subarray(offset, end).toString('latin1').split('\r\n');
  const fields = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { startLine, fields, bodyStart: end + 4 };
}

/** Where a message's body ends (Content-Length or chunked, RFC 9112 §6), or undefined when it is not all here. */
function bodyEnd(bytes: Buffer, head: Head, hasBody: boolean): number | undefined {
  if (!hasBody) return head.bodyStart;
  const field = (name: string) => head.fields.find(([key]) => key === name)?.[1];
  if (/chunked/i.test(field('transfer-encoding') ?? '')) {
    let at = head.bodyStart;
    for (;;) {
      const lineEnd = bytes.indexOf('\r\n', at, 'latin1');
      if (lineEnd === -1) return undefined;
      const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
      if (size === 0) {
        const trailerEnd = bytes.indexOf('\r\n\r\n', lineEnd, 'latin1');
        return trailerEnd === -1 ? undefined : trailerEnd + 4;
      }
      at = lineEnd + 2 + size + 2;
      if (at > bytes.length) return undefined;
    }
  }
  const end = head.bodyStart + Number(field('content-length') ?? 0);
  return end <= bytes.length ? end : undefined;
}

/** The requests in a client's stream (a tunnel's requests follow its CONNECT in the same stream). */
export function readRequests(bytes: Buffer): TappedRequest[] {
  const requests: TappedRequest[] = [];
  let offset = 0;
  for (;;) {
    const head = readHead(bytes, offset);
    if (!head) return requests;
    const [method = '', target = ''] = head.startLine.split(' ');
    requests.push({ method, target, fields: head.fields });
    const end = bodyEnd(bytes, head, true);
    if (end === undefined) return requests;
    offset = end;
  }
}

/**
 * The next final response from `offset` (1xx skipped), and where it ends; undefined while it is not all
 * there. `method` is the request's: no body after HEAD or a 2xx to CONNECT (RFC 9110 §9.3.6).
 */
export function readResponse(bytes: Buffer, offset: number, method: string): { response: TappedResponse; end: number } | undefined {
  for (;;) {
    const head = readHead(bytes, offset);
    if (!head) return undefined;
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.startLine)?.[1] ?? Number.NaN);
    if (Number.isNaN(status)) throw new Error(`not a response: ${JSON.stringify(head.startLine.slice(0, 200))}`);
    if (status < 200) {
      offset = head.bodyStart;
      continue;
    }
    const hasBody = method !== 'HEAD' && status !== 204 && status !== 304 && !(method === 'CONNECT' && status < 300);
    const end = bodyEnd(bytes, head, hasBody);
    if (end === undefined) return undefined;
    return { response: { status, fields: head.fields, body: bytes.subarray(head.bodyStart, end).toString('utf8') }, end };
  }
}

/** Every complete answer in a recorded stream, given the requests' methods in order. */
export function readResponses(bytes: Buffer, methods: readonly string[]): TappedResponse[] {
  const responses: TappedResponse[] = [];
  let offset = 0;
  for (;;) {
    const next = readResponse(bytes, offset, methods[responses.length] ?? 'GET');
    if (!next) return responses;
    responses.push(next.response);
    offset = next.end;
  }
}

/** A field's value (the first, when repeated), by lower-case name. */
export const fieldOf = (message: { fields: Array<[string, string]> }, name: string) => message.fields.find(([key]) => key === name)?.[1];
