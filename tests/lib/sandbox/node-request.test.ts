import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { createConnectionAuth, handshakeBudget } from '@/lib/sandbox/connection';
import { fromNodeRequest } from '@/lib/sandbox/http/node';
import { MAX_BODY_BYTES, MAX_TARGET_LENGTH } from '@/lib/sandbox/limits';

// fromNodeRequest turns node:http's request into the engine's, with what server.ts knows besides the
// message (the connection, the target as the client wrote it) in the same object and the same shape
// every time (issue 23: a spread that added them cost the server 6–12 µs a request).

function nodeRequest(target: string, fields: string[], body?: string): IncomingMessage {
  const chunks = body === undefined ? [] : [Buffer.from(body, 'utf8')];
  return Object.assign(Readable.from(chunks), { method: body === undefined ? 'GET' : 'POST', url: target, rawHeaders: fields }) as unknown as IncomingMessage;
}

const connection = createConnectionAuth(7, handshakeBudget());

describe('fromNodeRequest', () => {
  test('carries the connection and the absolute-form target the client wrote, beside the field lines in order', async () => {
    const converted = await fromNodeRequest(nodeRequest('/api/sandbox/digest', ['Host', 'lab', 'X-A', '1', 'x-a', '2']), {
      connection,
      sentTarget: 'http://lab/api/sandbox/digest',
    });
    if ('error' in converted) throw new Error('refused');
    expect(converted.connection?.id).toBe(7);
    expect(converted.sentTarget).toBe('http://lab/api/sandbox/digest');
    expect(converted.headers).toEqual([
      ['Host', 'lab'],
      ['X-A', '1'],
      ['x-a', '2'],
    ]);
  });

  test('gives a request with a body, one without, and one with nothing besides the same fields in the same order', async () => {
    const withBody = await fromNodeRequest(nodeRequest('/t', ['Host', 'lab', 'Content-Length', '3'], 'a=b'), { connection });
    const without = await fromNodeRequest(nodeRequest('/t', ['Host', 'lab']), { connection, sentTarget: 'http://lab/t' });
    const bare = await fromNodeRequest(nodeRequest('/t', ['Host', 'lab']));
    const keys = [withBody, without, bare].map((converted) => Object.keys(converted));
    expect(keys[0]).toEqual(['method', 'target', 'sentTarget', 'headers', 'body', 'connection']);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect('body' in withBody && new TextDecoder().decode(withBody.body)).toBe('a=b');
  });

  test.each([
    ['a request-target that is too long', nodeRequest(`/${'a'.repeat(MAX_TARGET_LENGTH)}`, ['Host', 'lab']), 414],
    ['a declared body that is too large', nodeRequest('/t', ['Host', 'lab', 'Content-Length', String(MAX_BODY_BYTES + 1)], ''), 413],
  ])('refuses %s with a problem, whatever it arrived on', async (_what, request, status) => {
    const converted = await fromNodeRequest(request, { connection });
    expect('error' in converted && converted.error.status).toBe(status);
  });
});
