// The floor for `npm run bench:sandbox`: bare node:http answering every request with one fixed response,
// RAW_RESPONSE = {"status":401,"headers":[[name, value], ...],"body":"..."} (the sandbox's own 401).
// Listens on a free loopback port and prints {"port":N} on stdout; SIGTERM stops it.
import http from 'node:http';

const { status, headers, body } = JSON.parse(process.env.RAW_RESPONSE ?? 'null');
const flat = headers.flat();
const payload = Buffer.from(body, 'utf8');
const server = http.createServer((request, response) => {
  response.writeHead(status, flat);
  response.end(payload);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
