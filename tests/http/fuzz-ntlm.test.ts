// Fuzzing issue 20's new surfaces on the production server, over raw sockets (fuzz.test.ts's sibling, in
// its style): NTLM and Negotiate tokens (random and truncated base64, NTLM headers with random fields,
// valid messages with bytes changed, AUTHENTICATE messages with huge or lying target info, SPNEGO garbage,
// Kerberos tokens) at the origin, at the proxy hop and on CONNECT, most of them on a connection that
// holds a real handshake so they reach its last leg; and CONNECT itself (bad authorities, other hosts, the
// test's own listeners named every way, pipelined, split and slow tunnels). For each: an answer within
// 5 s, never a 5xx, every 4xx a problem+json body whose status is the real one, a 2xx to CONNECT only
// for a tunnel that leads to the lab itself, and the test's own listeners never see a connection.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import fc from 'fast-check';
import {
  KERBEROS_OIDS,
  NTLMSSP_OID,
  buildNtlmChallenge,
  buildNtlmNegotiate,
  buildSpnegoInit,
  buildSpnegoResponse,
  buildNtlmAuthenticate,
  filetimeFromUnixMs,
  readNegotiateToken,
  ntlmAuthenticateFor,
  ntlmv2Blob,
  readNtlmMessage,
  type NtlmChallengeMessage,
} from '@/lib/http-auth';
import { fieldOf, type TappedResponse } from './support/http-stream';
import { keepConnection, type KeptConnection } from './support/kept-connection';
import { baseUrl } from './support/lab';

jest.setTimeout(120_000);

/** FUZZ_NTLM_RUNS=<n> (from 10): token runs; CONNECT runs are a third of that. 1 500 by default (a few seconds). */
const RUNS = fuzzRuns(process.env.FUZZ_NTLM_RUNS);
const CONNECT_RUNS = Math.max(10, Math.round(RUNS / 3));
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

function fuzzRuns(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 1_500;
  const runs = Number(setting);
  if (!Number.isInteger(runs) || runs < 10) throw new Error(`FUZZ_NTLM_RUNS must be a whole number from 10, not ${JSON.stringify(setting)}`);
  return runs;
}

const ALICE = { user: 'alice', domain: '', password: 'wonderland', workstation: 'FUZZ' };
const ALICE_BASIC = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const lab = () => new URL(baseUrl());
/** A request for the tunnel: through it the lab answers its own Basic challenge. */
const inside = () => `GET /api/sandbox/basic HTTP/1.1\r\nHost: ${lab().host}\r\n\r\n`;

const histogram = new Map<string, number>();
let sent = 0;

/** What every answer must satisfy; throws a readable reason. */
function check(answer: TappedResponse, shown: () => string): void {
  sent++;
  histogram.set(`${answer.status}`, (histogram.get(`${answer.status}`) ?? 0) + 1);
  if (answer.status >= 500) throw new Error(`${answer.status} for ${shown()}: ${answer.body.slice(0, 400)}`);
  if (answer.status < 400) return;
  const contentType = fieldOf(answer, 'content-type') ?? '';
  if (contentType !== 'application/problem+json') throw new Error(`${answer.status} with Content-Type "${contentType}" for ${shown()}`);
  const problem = JSON.parse(answer.body) as { status?: unknown };
  if (problem.status !== answer.status) throw new Error(`${answer.status} whose problem says ${String(problem.status)} for ${shown()}`);
}

// ---- where a token goes -----------------------------------------------------------------------------

type Place = { method: 'GET' | 'CONNECT'; target: () => string; field: 'Authorization' | 'Proxy-Authorization'; scheme: 'NTLM' | 'Negotiate' };
const PLACES: Place[] = [
  { method: 'GET', target: () => '/api/sandbox/ntlm', field: 'Authorization', scheme: 'NTLM' },
  { method: 'GET', target: () => '/api/sandbox/negotiate', field: 'Authorization', scheme: 'Negotiate' },
  { method: 'GET', target: () => '/api/sandbox/presets/ntlm-proxy', field: 'Proxy-Authorization', scheme: 'NTLM' },
  { method: 'GET', target: () => `http://${lab().host}/api/sandbox/proxy?proxy=negotiate`, field: 'Proxy-Authorization', scheme: 'Negotiate' },
  { method: 'CONNECT', target: () => lab().host, field: 'Proxy-Authorization', scheme: 'NTLM' },
];

function requestBytes(place: Place, credentials: string | undefined): string {
  const target = place.target();
  const host = place.method === 'CONNECT' ? target : lab().host;
  return [`${place.method} ${target} HTTP/1.1`, `Host: ${host}`, ...(credentials === undefined ? [] : [`${place.field}: ${credentials}`]), '', ''].join('\r\n');
}

// ---- tokens -----------------------------------------------------------------------------------------

/** A message the generator starts from, made at run time (an AUTHENTICATE answers the CHALLENGE the lab sent). */
type Base = 'negotiate' | 'authenticate' | 'spnego-negotiate' | 'spnego-authenticate' | 'challenge';
type Recipe =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'ntlm-header'; type: number; tail: Uint8Array }
  | { kind: 'truncated'; base: Base; keep: number; inBase64: boolean }
  | { kind: 'mutated'; base: Base; mutations: Array<{ at: number; byte: number }> }
  | { kind: 'huge-target-info'; size: number; shape: 'one-pair' | 'many-pairs' | 'lying-length' | 'no-eol' }
  | { kind: 'spnego-garbage'; tag: number; body: Uint8Array; lengthBytes: readonly number[] }
  | { kind: 'kerberos'; oid: string; token: Uint8Array; alsoNtlm: boolean };

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const bases = fc.constantFrom<Base>('negotiate', 'authenticate', 'spnego-negotiate', 'spnego-authenticate', 'challenge');
const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), bytes: bytes(400) }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      fc.base64String({ maxLength: 200 }),
      fc.constantFrom('', '=', '====', 'TlRMTVNTUAAB', 'TlRMTVNTUAAD', 'YII', 'oY', '!!!', 'TlRMTVNTUAABAAAABoIIAA', 'a'.repeat(9_000)),
      fc.string({ maxLength: 60 }).filter((text) => !/[\r\n]/.test(text)),
    ),
  }),
  fc.record({ kind: fc.constant('ntlm-header' as const), type: fc.oneof(fc.constantFrom(1, 2, 3), fc.nat()), tail: bytes(200) }),
  fc.record({ kind: fc.constant('truncated' as const), base: bases, keep: fc.double({ min: 0, max: 1, noNaN: true }), inBase64: fc.boolean() }),
  fc.record({
    kind: fc.constant('mutated' as const),
    base: bases,
    mutations: fc.array(fc.record({ at: fc.nat(), byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)) }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({
    kind: fc.constant('huge-target-info' as const),
    size: fc.oneof(fc.integer({ min: 100, max: 2_000 }), fc.integer({ min: 2_000, max: 14_000 })),
    shape: fc.constantFrom('one-pair' as const, 'many-pairs' as const, 'lying-length' as const, 'no-eol' as const),
  }),
  fc.record({
    kind: fc.constant('spnego-garbage' as const),
    tag: fc.constantFrom(0x60, 0xa0, 0xa1, 0x30, 0x06, 0x04, 0xff),
    body: bytes(120),
    lengthBytes: fc.oneof(
      fc.constant<readonly number[]>([]),
      fc.constantFrom<readonly number[]>([0x84, 0xff, 0xff, 0xff, 0xff], [0x80], [0x81], [0x82, 0xff, 0xff], [0xff]),
    ),
  }),
  fc.record({ kind: fc.constant('kerberos' as const), oid: fc.constantFrom(...KERBEROS_OIDS), token: bytes(120), alsoNtlm: fc.boolean() }),
);

/** An AV pair list of about `size` bytes, in one of the shapes a hostile client might send. */
function hugeTargetInfo(size: number, shape: 'one-pair' | 'many-pairs' | 'lying-length' | 'no-eol'): Uint8Array {
  const out = Buffer.alloc(size + 4);
  switch (shape) {
    case 'one-pair':
      out.writeUInt16LE(2, 0);
      out.writeUInt16LE(Math.min(size - 4, 0xffff), 2);
      break;
    case 'many-pairs':
      // Pairs of length 0 (MsvAvNbComputerName, id 1) all the way: size / 4 of them, then MsvAvEOL.
      for (let at = 0; at + 4 <= size; at += 4) out.writeUInt16LE(1, at);
      break;
    case 'lying-length':
      out.writeUInt16LE(7, 0);
      out.writeUInt16LE(0xffff, 2);
      break;
    case 'no-eol':
      out.fill(0x41);
      return out.subarray(0, size);
  }
  return out;
}

type Handshake = { negotiate: Uint8Array; challenge: NtlmChallengeMessage };

/** A CHALLENGE of the test's own, for messages built on a connection that holds no handshake. */
function localChallenge(): NtlmChallengeMessage {
  const built = buildNtlmChallenge({ serverChallenge: randomBytes(8), targetName: 'LAB', targetInfo: [] });
  const read = readNtlmMessage(built, 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error('the local CHALLENGE does not read');
  return read.message;
}

async function baseBytes(base: Base, handshake: Handshake): Promise<Uint8Array> {
  const authenticate = async () => (await ntlmAuthenticateFor(handshake.challenge, ALICE, { clientChallenge: randomBytes(8), now: Date.now() })).authenticate;
  switch (base) {
    case 'negotiate':
      return handshake.negotiate;
    case 'authenticate':
      return authenticate();
    case 'spnego-negotiate':
      return buildSpnegoInit({ mechanisms: [NTLMSSP_OID], mechToken: handshake.negotiate });
    case 'spnego-authenticate':
      return buildSpnegoResponse({ responseToken: await authenticate() });
    case 'challenge':
      return handshake.challenge.bytes;
  }
}

/** The credentials field's value for a recipe, on the connection's handshake (or a local one). */
async function tokenFor(recipe: Recipe, scheme: string, handshake: Handshake): Promise<string> {
  const field = (token: Uint8Array | string) => `${scheme} ${typeof token === 'string' ? token : base64(token)}`;
  switch (recipe.kind) {
    case 'bytes':
      return field(recipe.bytes);
    case 'text':
      return field(recipe.text);
    case 'ntlm-header': {
      const head = Buffer.alloc(12);
      head.write('NTLMSSP\0', 0, 'latin1');
      head.writeUInt32LE(recipe.type >>> 0, 8);
      return field(Buffer.concat([head, recipe.tail]));
    }
    case 'truncated': {
      const whole = await baseBytes(recipe.base, handshake);
      if (recipe.inBase64) {
        const text = base64(whole);
        return field(text.slice(0, Math.floor(text.length * recipe.keep)));
      }
      return field(whole.subarray(0, Math.floor(whole.length * recipe.keep)));
    }
    case 'mutated': {
      const copy = Uint8Array.from(await baseBytes(recipe.base, handshake));
      for (const { at, byte } of recipe.mutations) if (copy.length > 0) copy[at % copy.length] = byte;
      return field(copy);
    }
    case 'huge-target-info': {
      const blob = ntlmv2Blob(filetimeFromUnixMs(Date.now()), randomBytes(8), hugeTargetInfo(recipe.size, recipe.shape));
      const authenticate = buildNtlmAuthenticate({
        flags: handshake.challenge.flags.value,
        lmResponse: new Uint8Array(24),
        ntResponse: Buffer.concat([randomBytes(16), blob]),
        domain: '',
        user: 'alice',
        workstation: 'FUZZ',
      });
      return field(authenticate);
    }
    case 'spnego-garbage':
      return field(
        Buffer.concat([
          Uint8Array.of(recipe.tag),
          Uint8Array.from(recipe.lengthBytes.length > 0 ? recipe.lengthBytes : [recipe.body.length & 0x7f]),
          recipe.body,
        ]),
      );
    case 'kerberos':
      return field(buildSpnegoInit({ mechanisms: recipe.alsoNtlm ? [recipe.oid, NTLMSSP_OID] : [recipe.oid], mechToken: recipe.token }));
  }
}

/** Legs one and two on `kept`: a real NEGOTIATE (raw NTLM), and the CHALLENGE the lab answered with. */
async function realHandshake(kept: KeptConnection, place: Place): Promise<Handshake> {
  const negotiate = buildNtlmNegotiate();
  const answer = await kept.send(requestBytes(place, `${place.scheme} ${base64(negotiate)}`), place.method);
  check(answer, () => `the NEGOTIATE for ${place.method} ${place.target()}`);
  const challengeField = fieldOf(answer, place.field === 'Authorization' ? 'www-authenticate' : 'proxy-authenticate') ?? '';
  const read = readNtlmMessage(challengeField.split(' ')[1] ?? '', 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE in ${answer.status} ${challengeField}`);
  return { negotiate, challenge: read.message };
}

// ---- the listeners that must see nothing -------------------------------------------------------------

type Listener = { host: string; port: number; accepted: () => number; close: () => Promise<void> };
const listeners: Listener[] = [];

async function listen(host: string): Promise<void> {
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.destroy();
  });
  const ok = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, host, () => resolve(true));
  });
  if (!ok) return;
  const { port } = server.address() as net.AddressInfo;
  listeners.push({ host, port, accepted: () => accepted, close: () => new Promise((resolve) => server.close(() => resolve())) });
}

beforeAll(async () => {
  await listen('127.0.0.1');
  await listen('::1');
});

afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
  const statuses = [...histogram]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  console.log(`fuzz-ntlm: ${sent} answers checked (seed ${SEED}); statuses: ${statuses}`);
});

// ---- CONNECT ----------------------------------------------------------------------------------------

/** Through an open tunnel is the lab itself: its own Basic challenge for /api/sandbox/basic (already sent when `pipelined`). */
async function expectTunnelToLab(kept: KeptConnection, shown: () => string, pipelined = false): Promise<void> {
  const through = await kept.send(pipelined ? Buffer.alloc(0) : inside());
  check(through, () => `the request inside the tunnel of ${shown()}`);
  if (through.status !== 401 || !/^Basic realm="reports"/.test(fieldOf(through, 'www-authenticate') ?? '')) {
    throw new Error(`the tunnel of ${shown()} does not lead to the lab: ${through.status} ${JSON.stringify(through.fields)}`);
  }
}

/** Every way to name a listener of the test's own, and hosts that are not the lab. */
function elsewhere(): string[] {
  const named = listeners.flatMap(({ host, port }) =>
    host === '::1'
      ? [`[::1]:${port}`, `localhost:${port}`, `[0:0:0:0:0:0:0:1]:${port}`]
      : [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `localhost.:${port}`, `127.1:${port}`, `[::ffff:127.0.0.1]:${port}`, `0.0.0.0:${port}`],
  );
  const labPort = Number(lab().port);
  return [...named, 'example.com:443', '169.254.169.254:80', '10.0.0.1:3128', '[fe80::1]:80', `127.0.0.1:${labPort + 1}`, `127.0.0.2:${labPort}`];
}

const authority = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((i) => elsewhere()[i % elsewhere().length] ?? '') },
  { weight: 1, arbitrary: fc.constant('SELF') },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 40 }).filter((text) => !/[\r\n ]/.test(text)),
      fc.tuple(fc.domain(), fc.integer({ min: -1, max: 70_000 })).map(([host, port]) => `${host}:${port}`),
      fc.ipV6().map((address) => `[${address}]:${(Number(lab().port) % 65_535) + 1}`),
      fc.constantFrom('example.com', '*', '/', 'http://127.0.0.1:1/', '[::1', ':80', '127.0.0.1:', 'a@b:80', '%00:80', '127.0.0.1:80 extra'),
    ),
  },
);
const connectCase = fc.record({
  authority,
  credentials: fc.constantFrom<string | undefined>(
    undefined,
    ALICE_BASIC,
    'Basic YWxpY2U6d3Jvbmc=',
    `NTLM ${base64(buildNtlmNegotiate())}`,
    'Negotiate YII=',
    'Digest x',
  ),
  /** How the bytes go out: whole, pipelined with a request for the tunnel, or split in pieces. */
  delivery: fc.constantFrom('whole' as const, 'pipelined' as const, 'split' as const),
  cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
});

/** Writes `bytes` in pieces cut at `cuts`, a turn of the event loop apart. */
async function writeInPieces(socket: net.Socket, bytes: Buffer, cuts: number[]): Promise<void> {
  const points = [...new Set(cuts.map((cut) => cut % bytes.length))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point <= from) continue;
    socket.write(bytes.subarray(from, point));
    from = point;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One CONNECT on a fresh connection; the answer, and, for a 2xx, proof that the tunnel leads to the lab. */
type ConnectCase = typeof connectCase extends fc.Arbitrary<infer T> ? T : never;

async function exerciseConnect(test: ConnectCase): Promise<void> {
  const target = test.authority === 'SELF' ? lab().host : test.authority;
  const head = `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${test.credentials ? `Proxy-Authorization: ${test.credentials}\r\n` : ''}\r\n`;
  const shown = () => JSON.stringify(head);
  const kept = await keepConnection(baseUrl());
  try {
    const pending = kept.send(Buffer.alloc(0), 'CONNECT');
    const bytes = Buffer.from(test.delivery === 'pipelined' ? head + inside() : head, 'latin1');
    if (test.delivery === 'split') await writeInPieces(kept.socket, bytes, test.cuts);
    else kept.socket.write(bytes);
    const answer = await pending;
    check(answer, shown);
    if (answer.status >= 200 && answer.status < 300) {
      if (test.authority !== 'SELF') throw new Error(`a ${answer.status} tunnel for ${shown()}`);
      await expectTunnelToLab(kept, shown, test.delivery === 'pipelined');
    }
  } finally {
    kept.destroy();
  }
}

// ---- the runs ---------------------------------------------------------------------------------------

describe('fuzzing NTLM, Negotiate and CONNECT over raw sockets', () => {
  test('the generators start from messages the lab accepts: raw NTLM and SPNEGO-wrapped NTLM each get 200', async () => {
    for (const [place, wrap] of [
      [PLACES[0], false],
      [PLACES[1], false],
      [PLACES[1], true],
    ] as const) {
      if (!place) throw new Error('no place');
      const kept = await keepConnection(baseUrl());
      try {
        const negotiate = buildNtlmNegotiate();
        const first = await kept.send(
          requestBytes(place, `${place.scheme} ${base64(wrap ? buildSpnegoInit({ mechanisms: [NTLMSSP_OID], mechToken: negotiate }) : negotiate)}`),
        );
        const token = (fieldOf(first, 'www-authenticate') ?? '').split(' ')[1] ?? '';
        const inner = wrap ? innerNtlm(Buffer.from(token, 'base64')) : Buffer.from(token, 'base64');
        const read = readNtlmMessage(inner, 'challenge');
        if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE: ${first.status}`);
        const { authenticate } = await ntlmAuthenticateFor(read.message, ALICE, { clientChallenge: randomBytes(8), now: Date.now(), negotiate });
        const last = await kept.send(
          requestBytes(place, `${place.scheme} ${base64(wrap ? buildSpnegoResponse({ responseToken: authenticate }) : authenticate)}`),
        );
        expect({ target: place.target(), wrap, status: last.status }).toEqual({ target: place.target(), wrap, status: 200 });
      } finally {
        kept.destroy();
      }
    }
  });

  test(`${RUNS} generated NTLM and Negotiate tokens at the origin, the proxy hop and CONNECT: no 5xx, no hang, problem+json for every 4xx`, async () => {
    const run = fc.record({ place: fc.constantFrom(...PLACES), recipe, withHandshake: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(run, async ({ place, recipe: chosen, withHandshake }) => {
        const kept = await keepConnection(baseUrl());
        try {
          const handshake = withHandshake ? await realHandshake(kept, place) : { negotiate: buildNtlmNegotiate(), challenge: localChallenge() };
          const credentials = await tokenFor(chosen, place.scheme, handshake);
          const bytesSent = requestBytes(place, credentials);
          const answer = await kept.send(bytesSent, place.method);
          check(answer, () => `${JSON.stringify(bytesSent.slice(0, 300))} (${bytesSent.length} bytes)`);
          // A change the proof does not cover (the workstation name, base64 padding) can leave a valid
          // AUTHENTICATE: a tunnel may then open, but only to the lab.
          if (place.method === 'CONNECT' && answer.status < 300) await expectTunnelToLab(kept, () => credentials.slice(0, 200));
        } finally {
          kept.destroy();
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test(`${CONNECT_RUNS} generated CONNECTs (bad authorities, other hosts, the test's own listeners, pipelined and split): no 5xx, no hang, no tunnel elsewhere`, async () => {
    expect(listeners.length).toBeGreaterThan(0);
    await fc.assert(fc.asyncProperty(connectCase, exerciseConnect), { numRuns: CONNECT_RUNS, seed: SEED + 1 });
    expect(listeners.map(({ host, accepted }) => [host, accepted()])).toEqual(listeners.map(({ host }) => [host, 0]));
  });

  test('slow and abandoned tunnels: requests dribbled a piece at a time are answered, half-sent ones cost nothing, the lab answers on', async () => {
    const open = async () => {
      const kept = await keepConnection(baseUrl());
      const answer = await kept.send(`CONNECT ${lab().host} HTTP/1.1\r\nHost: ${lab().host}\r\nProxy-Authorization: ${ALICE_BASIC}\r\n\r\n`, 'CONNECT');
      expect(answer.status).toBe(200);
      return kept;
    };
    const request = Buffer.from(`GET /api/sandbox/basic HTTP/1.1\r\nHost: ${lab().host}\r\nAuthorization: ${ALICE_BASIC}\r\n\r\n`, 'latin1');
    const slow = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const kept = await open();
        const pending = kept.send(Buffer.alloc(0));
        // A piece every 2 ms: about 0.2 s for the whole request, far slower than any client writes.
        for (let at = 0; at < request.length; at += 2) {
          kept.socket.write(request.subarray(at, at + 2));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        const answer = await pending;
        kept.destroy();
        return answer.status;
      }),
    );
    expect(slow).toEqual(slow.map(() => 200));
    // Half a request, then the client goes away: the lab frees the tunnel when the socket closes.
    for (let i = 0; i < 6; i++) {
      const kept = await open();
      kept.socket.write(request.subarray(0, 20 + i * 5));
      kept.destroy();
    }
    const last = await open();
    try {
      expect((await last.send(request)).status).toBe(200);
    } finally {
      last.destroy();
    }
    expect(sent).toBeGreaterThan(0);
  });
});

/** The NTLM message inside a NegTokenResp's responseToken (the lab's CHALLENGE under SPNEGO). */
function innerNtlm(token: Buffer): Uint8Array {
  const read = readNegotiateToken(token);
  const inner = read.kind === 'token' && read.token.kind === 'spnego-response' ? read.token.responseToken : undefined;
  if (inner?.kind !== 'ntlm' || inner.read.kind !== 'message') throw new Error('no NTLM message inside the SPNEGO token');
  return inner.read.message.bytes;
}
