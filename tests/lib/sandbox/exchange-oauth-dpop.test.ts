import { decodeJwt, decodeProtectedHeader } from 'jose';
import { runExchange } from '@/lib/sandbox/exchange/run';
import { exchangeInputSchema, type ExchangeInput } from '@/lib/sandbox/exchange/input';
import { firstHeader, headerValues } from '@/lib/sandbox/message';
import { sandboxSender } from '@/lib/sandbox/routes/router';
import type { SendRequest } from '@/lib/sandbox/routes/route';
import { testContext } from './support';

// oauth mode against the DPoP-only resource: the client makes a key, binds the token to it through the
// token endpoint's nonce (RFC 9449 §8), and gets through the resource's own nonce (§9). Real router, in-process.

const ORIGIN = 'http://lab.example';
const DPOP = '/api/sandbox/oauth/dpop';
const TOKEN = '/api/sandbox/oauth/token';

function input(): ExchangeInput {
  return { request: { method: 'GET', target: DPOP, headers: [] }, mode: 'oauth' };
}

async function run(wrap?: (send: SendRequest) => SendRequest) {
  const ctx = testContext();
  const send = sandboxSender(ctx);
  return runExchange(exchangeInputSchema.parse(input()), ctx, wrap ? wrap(send) : send, ORIGIN);
}

const proofOf = (headers: [string, string][]) => firstHeader(headers, 'DPoP') ?? '';

// [hop, target, status, what next says]
const HOPS: [number, string, number, RegExp][] = [
  [1, DPOP, 401, /DPoP challenge names resource_metadata.*RFC 9449 §7\.1.*ES256 key pair/],
  [2, '/.well-known/oauth-protected-resource/api/sandbox/oauth/dpop', 200, /RFC 9728 §3\.3/],
  [3, '/.well-known/oauth-authorization-server/api/sandbox/oauth', 200, /RFC 8414 §3\.3/],
  [4, '/api/sandbox/oauth/register', 201, /RFC 7591 §3\.2\.1/],
  [5, '/api/sandbox/oauth/authorize', 200, /RFC 6749 §3\.1/],
  [6, '/api/sandbox/oauth/authorize', 303, /RFC 9207 §2\.4/],
  [7, TOKEN, 400, /typ="dpop\+jwt", alg="ES256".*htm="POST".*400 use_dpop_nonce.*RFC 9449 §8/],
  [8, TOKEN, 200, /nonce=".+".*token_type DPoP.*RFC 9449 §5 and §6.*RFC 9449 §7\.1/],
  [9, DPOP, 401, /ath=".+".*error="use_dpop_nonce".*RFC 9449 §9/],
  [10, DPOP, 200, /^The DPoP proof sent.*200: the resource checked the proof.*chain is complete/],
];

describe('exchange in oauth mode, with a DPoP-bound token (RFC 9449)', () => {
  let transcript: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    transcript = await run();
  });

  test('ten hops, every one through the lab', () => {
    expect(transcript.steps).toHaveLength(HOPS.length);
  });

  test.each(HOPS)('hop %i: %s answers %i, and next says why', (hop, target, status, next) => {
    const step = transcript.steps[hop - 1];
    expect(step?.request.target.split('?')[0]).toBe(target);
    expect(step?.response.status).toBe(status);
    expect(step?.next.explanation).toMatch(next);
    expect(step?.next.kind).toBe(hop === HOPS.length ? 'stop' : 'follow');
  });

  test('each proof is for its own request, carries the nonce it was asked for, and the resource proofs hash the token', () => {
    const steps = transcript.steps;
    const tokenNonce = firstHeader(steps[6]?.response.headers ?? [], 'DPoP-Nonce');
    const resourceNonce = firstHeader(steps[8]?.response.headers ?? [], 'DPoP-Nonce');
    expect(tokenNonce).toBeDefined();
    expect(resourceNonce).toBeDefined();
    expect(resourceNonce).not.toBe(tokenNonce);
    const claims = [6, 7, 8, 9].map((index) => decodeJwt(proofOf(steps[index]?.request.headers ?? [])));
    expect(claims.map((c) => [c.htm, c.htu, c.nonce])).toEqual([
      ['POST', `${ORIGIN}${TOKEN}`, undefined],
      ['POST', `${ORIGIN}${TOKEN}`, tokenNonce],
      ['GET', `${ORIGIN}${DPOP}`, undefined],
      ['GET', `${ORIGIN}${DPOP}`, resourceNonce],
    ]);
    expect(new Set(claims.map((c) => c.jti)).size).toBe(4);
    expect(claims.slice(2).every((c) => typeof c.ath === 'string')).toBe(true);
    // One key for the run, its public half in every header and nothing private.
    const jwks = [6, 7, 8, 9].map((index) => decodeProtectedHeader(proofOf(steps[index]?.request.headers ?? [])).jwk);
    expect(new Set(jwks.map((jwk) => JSON.stringify(jwk))).size).toBe(1);
    expect(jwks[0]).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(jwks[0]).not.toHaveProperty('d');
    const body = JSON.parse(steps[7]?.response.body ?? '{}') as { access_token: string; token_type: string };
    expect(body.token_type).toBe('DPoP');
    expect(headerValues(steps[9]?.request.headers ?? [], 'Authorization')).toEqual([`DPoP ${body.access_token}`]);
  });

  test('a token endpoint that keeps asking for a nonce is asked only twice', async () => {
    const { steps } = await run((send) => async (request) => {
      const result = await send(request);
      if (request.target !== TOKEN) return result;
      // Every token answer is the first one's 400 use_dpop_nonce.
      return {
        ...result,
        response: { ...result.response, status: 400, body: '{"error":"use_dpop_nonce"}', headers: [...result.response.headers, ['DPoP-Nonce', 'again']] },
      };
    });
    expect(steps.map((step) => step.request.target.split('?')[0]).slice(6)).toEqual([TOKEN, TOKEN]);
    expect(steps.at(-1)?.next).toMatchObject({ kind: 'stop', explanation: expect.stringMatching(/400: the token endpoint refused \(use_dpop_nonce/) });
  });
});
