import {
  NTLMSSP_OID,
  KERBEROS_OIDS,
  buildNtlmAuthenticate,
  buildNtlmNegotiate,
  buildSpnegoInit,
  buildSpnegoResponse,
  encodeBase64,
  ntlmAuthenticateFor,
  readNegotiateToken,
  readNtlmMessage,
  type NtlmChallengeMessage,
} from '@/lib/http-auth';
import { createConnectionAuth, handshakeBudget, type ConnectionAuth, type HandshakeBudget } from '@/lib/sandbox/connection';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { request, testContext } from './support';

// NTLM and Negotiate in the engine (MS-NLMP §3.2.5, RFC 4559): three legs on one connection, the
// connection then authenticated; every way a handshake can break is refused with a 401 that says why.

type Ctx = ReturnType<typeof testContext>;

const CLIENT_CHALLENGE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa);
const NEGOTIATE = buildNtlmNegotiate();
const NTLM_NEGOTIATE = `NTLM ${encodeBase64(NEGOTIATE)}`;

function send(ctx: Ctx, target: string, connection: ConnectionAuth | undefined, headers: HeaderList = []) {
  return routeSandboxRequest({ ...request(target, headers), ...(connection ? { connection } : {}) }, ctx);
}

function body(response: { body: string }): { detail?: string; user?: string; scheme?: string; connection?: { id: number; note: string } } {
  return JSON.parse(response.body) as never;
}

/** The CHALLENGE a 401 (or 407) carries, read back, with the token as sent. */
function challengeIn(headers: HeaderList, field = 'WWW-Authenticate', scheme = 'NTLM'): NtlmChallengeMessage {
  const values = headerValues(headers, field);
  expect(values).toHaveLength(1);
  const token = (values[0] ?? '').slice(scheme.length + 1);
  const read = readNtlmMessage(token, 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE in ${values[0]}`);
  return read.message;
}

async function authenticateFor(challenge: NtlmChallengeMessage, ctx: Ctx, password = 'wonderland', user = 'alice'): Promise<Uint8Array> {
  const identity = { user, domain: 'LAB', password, workstation: 'TEST-PC' };
  return (await ntlmAuthenticateFor(challenge, identity, { clientChallenge: CLIENT_CHALLENGE, now: ctx.now(), negotiate: NEGOTIATE })).authenticate;
}

/** Legs one and two on `connection`; returns the AUTHENTICATE the client would send next. */
async function firstTwoLegs(ctx: Ctx, connection: ConnectionAuth, target = '/api/sandbox/ntlm', password = 'wonderland'): Promise<string> {
  const { response } = await send(ctx, target, connection, [['Authorization', NTLM_NEGOTIATE]]);
  expect(response.status).toBe(401);
  return `NTLM ${encodeBase64(await authenticateFor(challengeIn(response.headers), ctx, password))}`;
}

let budget: HandshakeBudget;
let nextId = 0;
const open = () => createConnectionAuth(++nextId, budget);

beforeEach(() => {
  budget = handshakeBudget();
});

describe('NTLM on the origin', () => {
  test('without credentials: 401 with a bare NTLM challenge', async () => {
    const { response } = await send(testContext(), '/api/sandbox/ntlm', open());
    expect(response.status).toBe(401);
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(['NTLM']);
  });

  test('NEGOTIATE → 401 with the CHALLENGE alone; AUTHENTICATE on the same connection → 200 naming the connection', async () => {
    const ctx = testContext();
    const connection = open();
    const first = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', NTLM_NEGOTIATE]]);
    const challenge = challengeIn(first.response.headers);
    expect(challenge.serverChallenge).toHaveLength(8);
    expect(challenge.targetInfo?.avPairs.pairs.map((pair) => ('name' in pair ? pair.name : pair.kind))).toEqual(
      expect.arrayContaining(['MsvAvNbDomainName', 'MsvAvTimestamp']),
    );
    expect(body(first.response).detail).toMatch(new RegExp(`Step 2 of 3.*connection ${connection.id}.*same connection`));
    expect(first.trace.map((step) => step.kind)).toContain('connection-challenge');

    const authorization = `NTLM ${encodeBase64(await authenticateFor(challenge, ctx))}`;
    const second = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', authorization]]);
    expect(second.response.status).toBe(200);
    expect(body(second.response)).toMatchObject({ user: 'alice', scheme: 'NTLM', connection: { id: connection.id } });
    expect(body(second.response).connection?.note).toMatch(/later requests on it are let through without credentials/);
  });

  test('the authenticated connection lets a later bare request through; another connection is challenged', async () => {
    const ctx = testContext();
    const connection = open();
    const authorization = await firstTwoLegs(ctx, connection);
    expect((await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', authorization]])).response.status).toBe(200);
    const later = await send(ctx, '/api/sandbox/ntlm', connection);
    expect(later.response.status).toBe(200);
    expect(later.trace.map((step) => step.kind)).toContain('connection-reused');
    expect((await send(ctx, '/api/sandbox/ntlm', open())).response.status).toBe(401);
    // A connection authenticated for NTLM is not thereby authenticated for a Basic-only resource.
    expect((await send(ctx, '/api/sandbox/basic', connection)).response.status).toBe(401);
  });

  // One connection can meet two servers of the lab (the tunnel's proxy, then a preset's proxy inside the
  // tunnel): a handshake in one realm authenticates no one in another.
  test('the authenticated connection is let through in the realm it authenticated for only', async () => {
    const ctx = testContext();
    const connection = open();
    const authorization = await firstTwoLegs(ctx, connection);
    expect((await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', authorization]])).response.status).toBe(200);
    expect((await send(ctx, '/api/sandbox/ntlm?realm=reports', connection)).response.status).toBe(200);
    const elsewhere = await send(ctx, '/api/sandbox/ntlm?realm=archive', connection);
    expect(elsewhere.response.status).toBe(401);
    expect(elsewhere.trace.map((step) => step.kind)).not.toContain('connection-reused');
  });

  test('an AUTHENTICATE on another connection (the handshake split): 401 that explains, with a fresh challenge', async () => {
    const ctx = testContext();
    const authorization = await firstTwoLegs(ctx, open());
    const { response, trace } = await send(ctx, '/api/sandbox/ntlm', open(), [['Authorization', authorization]]);
    expect(response.status).toBe(401);
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(['NTLM']);
    expect(body(response).detail).toMatch(/no NTLM handshake in progress.*another connection/);
    expect(trace).toContainEqual(expect.objectContaining({ kind: 'connection-refused', reason: 'no-handshake' }));
  });

  test('a replayed AUTHENTICATE is named as a replay, on the same connection or another', async () => {
    const ctx = testContext();
    const connection = open();
    const authorization = await firstTwoLegs(ctx, connection);
    expect((await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', authorization]])).response.status).toBe(200);
    for (const where of [connection, open()]) {
      const { response } = await send(ctx, '/api/sandbox/ntlm', where, [['Authorization', authorization]]);
      expect(response.status).toBe(401);
      expect(body(response).detail).toMatch(/replay/);
    }
  });

  test('a wrong password: 401, and the CHALLENGE is spent (the next try needs a new handshake)', async () => {
    const ctx = testContext();
    const connection = open();
    const wrong = await firstTwoLegs(ctx, connection, '/api/sandbox/ntlm', 'looking-glass');
    const { response } = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', wrong]]);
    expect(response.status).toBe(401);
    expect(body(response).detail).toMatch(/Start a new handshake/);
    expect(connection.pending('origin')).toBeUndefined();
    expect(budget.inProgress).toBe(0);
  });

  test('NTLM v1 and LM responses are refused with why they are broken', async () => {
    const ctx = testContext();
    for (const [ntResponse, reason] of [
      [new Uint8Array(24).fill(1), /NTLM v1 is refused.*DES/],
      [new Uint8Array(0), /LM response is refused|anonymous/i],
    ] as const) {
      const connection = open();
      await firstTwoLegs(ctx, connection);
      const v1 = buildNtlmAuthenticate({
        flags: ['NTLMSSP_NEGOTIATE_UNICODE', 'NTLMSSP_NEGOTIATE_NTLM'],
        lmResponse: new Uint8Array(24).fill(2),
        ntResponse,
        domain: 'LAB',
        user: 'alice',
        workstation: 'OLD-PC',
      });
      const { response } = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', `NTLM ${encodeBase64(v1)}`]]);
      expect(response.status).toBe(401);
      expect(body(response).detail).toMatch(reason);
    }
  });

  test('user names match case-insensitively (NTOWFv2 upper-cases them) and the lab reports its own spelling', async () => {
    const ctx = testContext();
    const connection = open();
    const { response: first } = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', NTLM_NEGOTIATE]]);
    const authenticate = await authenticateFor(challengeIn(first.headers), ctx, 'wonderland', 'ALICE');
    const { response } = await send(ctx, '/api/sandbox/ntlm', connection, [['Authorization', `NTLM ${encodeBase64(authenticate)}`]]);
    expect(body(response).user).toBe('alice');
  });

  test.each([
    ['not base64', 'NTLM ###'],
    ['base64 of something else', `NTLM ${Buffer.from('hello world, not NTLM').toString('base64')}`],
    ['a CHALLENGE sent by the client', ''],
    ['parameters instead of a token', 'NTLM realm="x"'],
  ])('%s: 400 with a problem body', async (_, value) => {
    const ctx = testContext();
    let authorization = value;
    if (authorization === '') {
      const { response } = await send(ctx, '/api/sandbox/ntlm', open(), [['Authorization', NTLM_NEGOTIATE]]);
      authorization = headerValues(response.headers, 'WWW-Authenticate')[0] ?? '';
    }
    const { response } = await send(ctx, '/api/sandbox/ntlm', open(), [['Authorization', authorization]]);
    expect(response.status).toBe(400);
    expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/problem+json']);
  });

  test('without a connection (a door that cannot see one): 401 that says where NTLM works', async () => {
    const { response } = await send(testContext(), '/api/sandbox/ntlm', undefined, [['Authorization', NTLM_NEGOTIATE]]);
    expect(response.status).toBe(401);
    expect(body(response).detail).toMatch(/cannot see connections.*npm start/);
  });

  test('the handshakes waiting for an AUTHENTICATE are bounded: past the limit, 503 with Retry-After', async () => {
    budget = handshakeBudget(2);
    const ctx = testContext();
    for (const expected of [401, 401, 503]) {
      const { response } = await send(ctx, '/api/sandbox/ntlm', open(), [['Authorization', NTLM_NEGOTIATE]]);
      expect(response.status).toBe(expected);
      if (expected === 503) expect(headerValues(response.headers, 'Retry-After')).toEqual(['1']);
    }
  });

  test('a closed connection gives its handshake back to the budget', async () => {
    const ctx = testContext();
    const connection = open();
    await firstTwoLegs(ctx, connection);
    expect(budget.inProgress).toBe(1);
    connection.close();
    expect(budget.inProgress).toBe(0);
    expect(connection.pending('origin')).toBeUndefined();
  });
});

describe('Negotiate (RFC 4559)', () => {
  test('raw NTLM inside Negotiate, as Windows servers accept: the same three legs', async () => {
    const ctx = testContext();
    const connection = open();
    const first = await send(ctx, '/api/sandbox/negotiate', connection, [['Authorization', `Negotiate ${encodeBase64(NEGOTIATE)}`]]);
    expect(first.response.status).toBe(401);
    const challenge = challengeIn(first.response.headers, 'WWW-Authenticate', 'Negotiate');
    const authenticate = encodeBase64(await authenticateFor(challenge, ctx));
    const second = await send(ctx, '/api/sandbox/negotiate', connection, [['Authorization', `Negotiate ${authenticate}`]]);
    expect(second.response.status).toBe(200);
    expect(body(second.response).scheme).toBe('Negotiate');
    expect(headerValues(second.response.headers, 'WWW-Authenticate')).toEqual([]);
  });

  test('SPNEGO with NTLM: answered in NegTokenResp, and the 200 carries accept-completed (RFC 4559 §5)', async () => {
    const ctx = testContext();
    const connection = open();
    const init = buildSpnegoInit({ mechanisms: [NTLMSSP_OID], mechToken: NEGOTIATE });
    const first = await send(ctx, '/api/sandbox/negotiate', connection, [['Authorization', `Negotiate ${encodeBase64(init)}`]]);
    const token = (headerValues(first.response.headers, 'WWW-Authenticate')[0] ?? '').slice('Negotiate '.length);
    const read = readNegotiateToken(token);
    if (read.kind !== 'token' || read.token.kind !== 'spnego-response' || read.token.responseToken?.kind !== 'ntlm') throw new Error('no NegTokenResp');
    expect(read.token.negState).toBe('accept-incomplete');
    const inner = read.token.responseToken.read;
    if (inner.kind !== 'message' || inner.message.kind !== 'challenge') throw new Error('no CHALLENGE inside');
    const response = buildSpnegoResponse({ responseToken: await authenticateFor(inner.message, ctx) });
    const second = await send(ctx, '/api/sandbox/negotiate', connection, [['Authorization', `Negotiate ${encodeBase64(response)}`]]);
    expect(second.response.status).toBe(200);
    const final = readNegotiateToken((headerValues(second.response.headers, 'WWW-Authenticate')[0] ?? '').slice('Negotiate '.length));
    expect(final.kind === 'token' && final.token.kind === 'spnego-response' && final.token.negState).toBe('accept-completed');
  });

  test('SPNEGO offering Kerberos first, NTLM second: accept-incomplete naming NTLM (RFC 4178 §3.2)', async () => {
    const ctx = testContext();
    const init = buildSpnegoInit({ mechanisms: [KERBEROS_OIDS[0] ?? '', NTLMSSP_OID], mechToken: Uint8Array.of(0x60, 0x00) });
    const { response } = await send(ctx, '/api/sandbox/negotiate', open(), [['Authorization', `Negotiate ${encodeBase64(init)}`]]);
    expect(response.status).toBe(401);
    const read = readNegotiateToken((headerValues(response.headers, 'WWW-Authenticate')[0] ?? '').slice('Negotiate '.length));
    expect(read.kind === 'token' && read.token.kind === 'spnego-response' && read.token.supportedMechanism?.oid).toBe(NTLMSSP_OID);
  });

  test('Kerberos only: 401 that explains the lab has no KDC, and the challenge again', async () => {
    const ctx = testContext();
    const init = buildSpnegoInit({ mechanisms: [KERBEROS_OIDS[0] ?? ''] });
    const { response } = await send(ctx, '/api/sandbox/negotiate', open(), [['Authorization', `Negotiate ${encodeBase64(init)}`]]);
    expect(response.status).toBe(401);
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(['Negotiate']);
    expect(body(response).detail).toMatch(/no KDC/);
  });

  test('a handshake begun under NTLM cannot be finished under Negotiate', async () => {
    const ctx = testContext();
    const connection = open();
    const authorization = await firstTwoLegs(ctx, connection, '/api/sandbox/ntlm?schemes=ntlm,negotiate');
    const { response } = await send(ctx, '/api/sandbox/ntlm?schemes=ntlm,negotiate', connection, [
      ['Authorization', authorization.replace(/^NTLM/, 'Negotiate')],
    ]);
    expect(response.status).toBe(401);
    expect(body(response).detail).toMatch(/began under NTLM/);
  });
});

describe('NTLM at the proxy', () => {
  test('407 with Proxy-Authenticate on every leg, then the origin asks Basic', async () => {
    const ctx = testContext();
    const connection = open();
    const first = await send(ctx, '/api/sandbox/presets/ntlm-proxy', connection, [['Proxy-Authorization', NTLM_NEGOTIATE]]);
    expect(first.response.status).toBe(407);
    expect(headerValues(first.response.headers, 'WWW-Authenticate')).toEqual([]);
    const challenge = challengeIn(first.response.headers, 'Proxy-Authenticate');
    const authorization = `NTLM ${encodeBase64(await authenticateFor(challenge, ctx))}`;
    const second = await send(ctx, '/api/sandbox/presets/ntlm-proxy', connection, [['Proxy-Authorization', authorization]]);
    expect(second.response.status).toBe(401);
    expect(headerValues(second.response.headers, 'WWW-Authenticate')[0]).toMatch(/^Basic /);
    // The proxy hop stays authenticated on this connection: the origin's Basic is all that is left.
    const third = await send(ctx, '/api/sandbox/presets/ntlm-proxy', connection, [['Authorization', `Basic ${btoa('alice:wonderland')}`]]);
    expect(third.response.status).toBe(200);
  });
});
