// What lesson 08 ("Fetch joins the lines again") says besides Fetch: Python requests' `response.headers`
// and Node's `IncomingMessage.headers` hand a response's repeated WWW-Authenticate lines over as one
// string joined with ", ", while Node's `rawHeaders` keeps them apart. The server is the test's own, on
// loopback, sending three challenge lines; Debian 12's requests 2.34 and this Node.
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { requirePython } from './support/python';

const run = promisify(execFile);
const LINES = ['Basic realm="lab", charset="UTF-8"', 'Digest realm="lab", nonce="abc", algorithm=SHA-256, qop="auth"', 'Bearer realm="lab"'];

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    // A flat list sends each line as its own field line, in order.
    response.writeHead(401, [...LINES.flatMap((line) => ['WWW-Authenticate', line]), 'Content-Length', '0']).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('Python requests: response.headers gives the three lines as one, joined with ", "', async () => {
  const script = 'import sys, requests; r = requests.get(sys.argv[1]); print(r.status_code); print(r.headers["WWW-Authenticate"])';
  const { stdout } = await run(requirePython(), ['-c', script, `${origin}/`], { env: { ...process.env, NO_PROXY: '*', no_proxy: '*' } });
  expect(stdout.trimEnd().split('\n')).toEqual(['401', LINES.join(', ')]);
});

test('Node: IncomingMessage.headers joins them with ", "; rawHeaders keeps each line', async () => {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${origin}/`, resolve).once('error', reject));
  response.resume();
  expect(response.statusCode).toBe(401);
  expect(response.headers['www-authenticate']).toBe(LINES.join(', '));
  const raw = response.rawHeaders.filter((_value, i, all) => i % 2 === 1 && all[i - 1] === 'WWW-Authenticate');
  expect(raw).toEqual(LINES);
});
