import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sendNodeResponse, toNodeResponse, writeNodeResponse } from '@/lib/sandbox/http/node';
import type { SandboxResponse } from '@/lib/sandbox/message';

// writeNodeResponse sends an ASCII body as a latin1 string (one write, no Buffer); every byte on the wire
// must be what the Buffer path (sendNodeResponse of toNodeResponse) sends, field values 0x80-0xFF included.

type Door = 'string' | 'buffer';

/** The raw bytes of one response to `method`, written through either door, with the Date line taken out. */
async function wireBytes(door: Door, sandbox: SandboxResponse, method: string, extra: readonly string[] = []): Promise<Buffer> {
  const server = http.createServer((_request, response) => {
    if (door === 'string') writeNodeResponse(response, sandbox, method, extra);
    else sendNodeResponse(response, toNodeResponse(sandbox), method, extra);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(port, '127.0.0.1', () => socket.end(`${method} / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () =>
        resolve(
          Buffer.from(
            Buffer.concat(chunks)
              .toString('latin1')
              .replace(/\r\nDate: [^\r]*/, ''),
            'latin1',
          ),
        ),
      );
    });
  } finally {
    server.close();
  }
}

const json = (body: string): SandboxResponse => ({ status: 200, headers: [['Content-Type', 'application/json']], body });

describe('writeNodeResponse sends the bytes the Buffer path sends', () => {
  test.each([
    ['an ASCII JSON body', json('{"authenticated":true,"user":"alice"}'), 'GET'],
    ['a body with UTF-8 (é, emoji)', json('{"user":"José 🙂"}'), 'GET'],
    ['an empty body', json(''), 'GET'],
    ['HEAD', json('{"a":1}'), 'HEAD'],
    ['a 204', { status: 204, headers: [['Allow', 'GET']], body: '' } as SandboxResponse, 'GET'],
    ['a field value with latin1 bytes', { status: 401, headers: [['WWW-Authenticate', 'Basic realm="Caf\u00e9"']], body: '{"x":1}' } as SandboxResponse, 'GET'],
    ['latin1 bytes and a UTF-8 body', { status: 401, headers: [['WWW-Authenticate', 'Basic realm="Caf\u00e9"']], body: '{"x":"é"}' } as SandboxResponse, 'GET'],
    [
      'repeated challenge lines',
      {
        status: 401,
        headers: [
          ['WWW-Authenticate', 'Basic realm="a"'],
          ['WWW-Authenticate', 'Digest realm="a"'],
        ],
        body: '{}',
      } as SandboxResponse,
      'GET',
    ],
  ])('%s', async (_, sandbox, method) => {
    const viaString = await wireBytes('string', sandbox, method);
    expect(viaString.length).toBeGreaterThan(0);
    expect(viaString.equals(await wireBytes('buffer', sandbox, method))).toBe(true);
  });

  test('with extra fields (HSTS) after the response’s own', async () => {
    const extra = ['Strict-Transport-Security', 'max-age=63072000'];
    const viaString = await wireBytes('string', json('{"a":1}'), 'GET', extra);
    expect(viaString.toString('latin1')).toMatch(/Content-Length: 7\r\nStrict-Transport-Security: max-age=63072000\r\n/);
    expect(viaString.equals(await wireBytes('buffer', json('{"a":1}'), 'GET', extra))).toBe(true);
  });
});
