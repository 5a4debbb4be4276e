// Issue 20's real clients against the production server: curl (--ntlm, --anyauth, --proxy-ntlm, and -p
// tunnels through the lab with Basic, Digest and NTLM on the CONNECT), Python requests_ntlm (Debian's
// python3-requests-ntlm) and npm's httpntlm. Each client talks to the lab through a TCP tap of the test's
// own (support/tcp-tap.ts), which keeps the client's connections as they are and records the bytes: what
// is asserted is what the lab answered, leg by leg and connection by connection, never the client's word.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import httpntlm from 'httpntlm';
import { legsOf, lastAnswer, type Leg } from './support/auth-legs';
import { baseUrl } from './support/lab';
import { LEGACY_OPENSSL_CONF } from './support/python';
import { startTcpTap, type TcpTap } from './support/tcp-tap';

const run = promisify(execFile);
const ALICE = 'alice:wonderland';
/** Debian's interpreter, with python3-requests-ntlm (scripts/ensure-test-tools.sh); not a pyenv one on PATH. */
const DEBIAN_PYTHON = '/usr/bin/python3';
const REQUESTS_NTLM = path.join(process.cwd(), 'tests/fixtures/clients/requests_ntlm_get.py');

let tap: TcpTap;
beforeEach(async () => {
  tap = await startTcpTap(baseUrl());
});
afterEach(() => tap.close());

const viaTap = (target: string) => `http://${tap.authority}${target}`;
/** The lab's own host:port: a CONNECT must name it (the lab tunnels to itself only). */
const labAuthority = () => new URL(baseUrl()).host;

/** curl -v's trace of what it sent and got: request lines, credentials fields' schemes and status lines, in order. */
async function curlTrace(args: string[]): Promise<string[]> {
  const { stderr } = await run('curl', ['-s', '-o', '/dev/null', '-v', '--max-time', '10', ...args], { encoding: 'utf8' });
  return stderr
    .split(/\r?\n/)
    .filter((line) => /^> (CONNECT|GET) |^> (Proxy-)?Authorization: |^< HTTP\/1\.1 /.test(line))
    .map((line) => line.replace(/^(> (?:Proxy-)?Authorization: \S+).*$/, '$1').trim());
}

/** The body of the lab's final 200: who it let in, and how. */
function expectAlice(scheme: string, connectionBound: boolean) {
  const { status, body } = lastAnswer(tap);
  expect(status).toBe(200);
  expect(body).toMatchObject({ authenticated: true, user: 'alice', scheme });
  if (connectionBound) expect(body.connection).toMatchObject({ authenticated: true, note: expect.stringContaining('not this request') });
}

describe('curl against the origin', () => {
  test('--ntlm: NEGOTIATE → 401 with the CHALLENGE → AUTHENTICATE → 200, all on one connection', async () => {
    await run('curl', ['-s', '--max-time', '10', '--ntlm', '-u', ALICE, viaTap('/api/sandbox/ntlm')]);
    expect(legsOf(tap)).toEqual<Leg[]>([
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM negotiate', status: 401 },
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM authenticate', status: 200 },
    ]);
    expectAlice('NTLM', true);
  });

  test('--anyauth on ?schemes=basic,ntlm: the bare 401 offers both, curl picks NTLM, and the lab lets alice in', async () => {
    await run('curl', ['-s', '--max-time', '10', '--anyauth', '-u', ALICE, viaTap('/api/sandbox/basic?schemes=basic,ntlm')]);
    const target = '/api/sandbox/basic?schemes=basic,ntlm';
    expect(legsOf(tap)).toEqual<Leg[]>([
      { connection: 0, request: `GET ${target}`, status: 401 },
      { connection: 0, request: `GET ${target}`, authorization: 'NTLM negotiate', status: 401 },
      { connection: 0, request: `GET ${target}`, authorization: 'NTLM authenticate', status: 200 },
    ]);
    const offered = tap
      .connections()[0]
      ?.responses[0]?.fields.filter(([name]) => name === 'www-authenticate')
      .map(([, value]) => value.split(' ')[0]);
    expect(offered).toEqual(['Basic', 'NTLM']);
    expectAlice('NTLM', true);
  });

  test('--proxy-ntlm on the ntlm-proxy preset: NEGOTIATE → 407 with the CHALLENGE, AUTHENTICATE → on to the origin, whose Basic curl sent at once → 200', async () => {
    // The lab is both proxy (absolute-form target, Proxy-Authorization) and origin here, as /api/sandbox/proxy is.
    const url = `${baseUrl()}/api/sandbox/presets/ntlm-proxy`;
    await run('curl', ['-s', '--max-time', '10', '--proxy-ntlm', '-x', `http://${tap.authority}`, '-U', ALICE, '-u', ALICE, url]);
    expect(legsOf(tap)).toEqual<Leg[]>([
      { connection: 0, request: `GET ${url}`, proxyAuthorization: 'NTLM negotiate', authorization: 'Basic', status: 407 },
      { connection: 0, request: `GET ${url}`, proxyAuthorization: 'NTLM authenticate', authorization: 'Basic', status: 200 },
    ]);
    expectAlice('Basic', false);
  });
});

describe('curl -p: a CONNECT tunnel through the lab to the lab, 407 before the tunnel and 401 inside it', () => {
  // --anyauth at the origin: curl asks without credentials first, so the 401 inside the tunnel shows.
  test.each([
    ['Digest (--proxy-digest)', ['--proxy-digest'], ['Digest']],
    ['NTLM (--proxy-ntlm)', ['--proxy-ntlm'], ['NTLM', 'NTLM']],
    ['--proxy-anyauth: the 407 offers Basic, Digest and NTLM and curl picks Digest', ['--proxy-anyauth'], ['Digest']],
  ])('%s', async (_name, proxyFlags, proxySchemes) => {
    const url = `http://${labAuthority()}/api/sandbox/basic`;
    const trace = await curlTrace(['-p', '-x', `http://${tap.authority}`, ...proxyFlags, '--proxy-user', ALICE, '--anyauth', '-u', ALICE, url]);
    const connect = `> CONNECT ${labAuthority()} HTTP/1.1`;
    // The first CONNECT: bare, or NTLM's NEGOTIATE; the last one carries the answer to the 407's challenge.
    const firstConnect = proxySchemes.length === 2 ? [connect, '> Proxy-Authorization: NTLM'] : [connect];
    expect(trace).toEqual([
      ...firstConnect,
      '< HTTP/1.1 407 Proxy Authentication Required',
      connect,
      `> Proxy-Authorization: ${proxySchemes.at(-1) ?? ''}`,
      '< HTTP/1.1 200 Connection Established',
      '> GET /api/sandbox/basic HTTP/1.1',
      '< HTTP/1.1 401 Unauthorized',
      '> GET /api/sandbox/basic HTTP/1.1',
      '> Authorization: Basic',
      '< HTTP/1.1 200 OK',
    ]);
    // The lab's own bytes: one connection, the tunnel opened on it, the origin's legs inside it.
    const legs = legsOf(tap);
    expect(legs.map(({ connection, request, status }) => ({ connection, request, status }))).toEqual([
      { connection: 0, request: `CONNECT ${labAuthority()}`, status: 407 },
      { connection: 0, request: `CONNECT ${labAuthority()}`, status: 200 },
      { connection: 0, request: 'GET /api/sandbox/basic', status: 401 },
      { connection: 0, request: 'GET /api/sandbox/basic', status: 200 },
    ]);
    expect(legs[1]?.proxyAuthorization).toBe(proxySchemes.length === 2 ? 'NTLM authenticate' : proxySchemes[0]);
    expectAlice('Basic', false);
  });

  test('Basic sent at once (curl --proxy-user alone): no 407, the tunnel opens, and the origin asks inside it', async () => {
    const url = `http://${labAuthority()}/api/sandbox/basic`;
    const trace = await curlTrace(['-p', '-x', `http://${tap.authority}`, '--proxy-user', ALICE, '--anyauth', '-u', ALICE, url]);
    expect(trace.slice(0, 3)).toEqual([`> CONNECT ${labAuthority()} HTTP/1.1`, '> Proxy-Authorization: Basic', '< HTTP/1.1 200 Connection Established']);
    expect(legsOf(tap).map(({ request, status }) => `${request} → ${status}`)).toEqual([
      `CONNECT ${labAuthority()} → 200`,
      'GET /api/sandbox/basic → 401',
      'GET /api/sandbox/basic → 200',
    ]);
    expectAlice('Basic', false);
  });

  test('NTLM on the CONNECT and NTLM at the origin inside the tunnel: two handshakes, one connection', async () => {
    const url = `http://${labAuthority()}/api/sandbox/ntlm`;
    await run('curl', ['-s', '--max-time', '10', '-p', '-x', `http://${tap.authority}`, '--proxy-ntlm', '--proxy-user', ALICE, '--ntlm', '-u', ALICE, url]);
    expect(legsOf(tap)).toEqual<Leg[]>([
      { connection: 0, request: `CONNECT ${labAuthority()}`, proxyAuthorization: 'NTLM negotiate', status: 407 },
      { connection: 0, request: `CONNECT ${labAuthority()}`, proxyAuthorization: 'NTLM authenticate', status: 200 },
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM negotiate', status: 401 },
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM authenticate', status: 200 },
    ]);
    expectAlice('NTLM', true);
  });
});

describe('Python requests_ntlm (python3-requests-ntlm, ntlm-auth underneath)', () => {
  let legacyConf = '';
  let confDir = '';
  beforeAll(() => {
    // ntlm-auth computes the NT hash with hashlib.new('md4'); OpenSSL 3 moved MD4 to its legacy provider,
    // which Debian ships (ossl-modules/legacy.so) but does not load. This file loads it beside the default.
    confDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntlm-clients-'));
    legacyConf = path.join(confDir, 'legacy.cnf');
    fs.writeFileSync(legacyConf, LEGACY_OPENSSL_CONF);
  });
  afterAll(() => fs.rmSync(confDir, { recursive: true, force: true }));

  /** Runs the fixture; what it printed: {status} or {error}. */
  async function requestsNtlm(target: string, opensslConf: string | undefined): Promise<unknown> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.OPENSSL_CONF;
    if (opensslConf) env.OPENSSL_CONF = opensslConf;
    const { stdout } = await run(DEBIAN_PYTHON, [REQUESTS_NTLM, viaTap(target), 'alice', 'wonderland'], { encoding: 'utf8', env, timeout: 20_000 });
    return JSON.parse(stdout) as unknown;
  }

  test.each([
    ['/api/sandbox/ntlm', 'NTLM'],
    // requests_ntlm answers a Negotiate challenge with raw NTLM inside Negotiate, which the lab accepts as Windows does.
    ['/api/sandbox/negotiate', 'Negotiate'],
  ])('%s with OpenSSL’s legacy provider loaded: 401 bare, NEGOTIATE → 401, AUTHENTICATE → 200 on the same connection', async (target, scheme) => {
    // What the client printed is not the verdict; the lab's answers below are.
    expect(await requestsNtlm(target, legacyConf)).toEqual({ status: 200 });
    const legs = legsOf(tap);
    expect(legs[0]).toMatchObject({ request: `GET ${target}`, status: 401 });
    expect(legs[0]?.authorization).toBeUndefined();
    const [negotiate, authenticate] = legs.slice(-2);
    expect(negotiate).toMatchObject({ authorization: `${scheme} negotiate`, status: 401 });
    expect(authenticate).toMatchObject({ authorization: `${scheme} authenticate`, status: 200, connection: negotiate?.connection });
    expectAlice(scheme, true);
  });

  test('without it (Debian’s default OpenSSL configuration): ntlm-auth fails on MD4, and no AUTHENTICATE reaches the lab', async () => {
    const printed = await requestsNtlm('/api/sandbox/ntlm', undefined);
    expect(printed).toEqual({ error: 'ValueError: unsupported hash type md4' });
    const legs = legsOf(tap);
    expect(legs.map(({ authorization }) => authorization)).toEqual([undefined, 'NTLM negotiate']);
    expect(legs.map(({ status }) => status)).toEqual([401, 401]);
  });
});

describe('npm httpntlm 1.8.13', () => {
  // The lab refuses NTLM v1 (tests/http/ntlm-refusals.test.ts), so its 200 means httpntlm answered in v2.
  test('against the origin: NTLM v2 (the CHALLENGE has target info), 200 for alice on one connection', async () => {
    // Its own keep-alive agent: the three legs need one connection, and the test ends it afterwards.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await new Promise<void>((resolve, reject) => {
        const options = { url: viaTap('/api/sandbox/ntlm'), username: 'alice', password: 'wonderland', workstation: 'TESTS', domain: '', agent };
        httpntlm.get(options, (error) => (error ? reject(error) : resolve()));
      });
    } finally {
      agent.destroy();
    }
    expect(legsOf(tap)).toEqual<Leg[]>([
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM negotiate', status: 401 },
      { connection: 0, request: 'GET /api/sandbox/ntlm', authorization: 'NTLM authenticate', status: 200 },
    ]);
    expectAlice('NTLM', true);
  });
});
