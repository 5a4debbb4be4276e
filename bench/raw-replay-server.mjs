// The floor for `npm run bench:sandbox`: bare node:http replaying fixed responses, one loopback listener per
// response. Reads a JSON list on stdin, [{"status":401,"headers":[[name, value], ...],"body":"..."}, ...]
// (each one a response the sandbox itself sent, minus the fields node:http writes per connection), and
// prints {"ports":[N, ...]} on stdout in the same order. Field lines go out in the order given, repeated
// ones apart (RFC 9110 §5.3: their order is significant). SIGTERM stops it.
import http from 'node:http';

// RAW_REPLAY_AT_TURN_END=1 (`npm run bench:sandbox -- --raw-at-turn-end`): the floor writes its answers
// as the lab does, together at the end of the loop turn, 16 at most (lib/sandbox/edge/turn-writes.ts; the
// same few lines here, as this script runs on plain node without the lab's build).
const AT_TURN_END = process.env.RAW_REPLAY_AT_TURN_END === '1';
const TURN_LIMIT = 16;
/** @type {Array<() => void>} */
let queued = [];
function writeQueued() {
  const due = queued;
  queued = [];
  for (const write of due) write();
}

/** @returns {Promise<string>} */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {{ status: number; headers: [string, string][]; body: string }} replayed @returns {Promise<http.Server>} */
function listen({ status, headers, body }) {
  const flat = headers.flat();
  const payload = Buffer.from(body, 'utf8');
  // A request body (the POST rows) is left unread: node:http discards it once the response has ended.
  const server = http.createServer((request, response) => {
    if (!AT_TURN_END) {
      response.writeHead(status, flat);
      response.end(payload);
      return;
    }
    queued.push(() => response.writeHead(status, flat).end(payload));
    if (queued.length >= TURN_LIMIT) writeQueued();
    else if (queued.length === 1) setImmediate(writeQueued);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const servers = await Promise.all(JSON.parse(await readStdin()).map(listen));
console.log(JSON.stringify({ ports: servers.map((server) => /** @type {import('node:net').AddressInfo} */ (server.address()).port) }));
process.on('SIGTERM', () => {
  for (const server of servers) server.close().closeAllConnections();
  process.exit(0);
});
