import fc from 'fast-check';
import {
  NEGOTIATE_MECHANISMS,
  type NtlmAvPairInput,
  buildNtlmAuthenticate,
  buildNtlmChallenge,
  buildSpnegoInit,
  buildSpnegoResponse,
  encodeBase64,
  ntlmAuthenticateFor,
  readNegotiateToken,
  readNtlmMessage,
  verifyNtlmAuthenticate,
} from '@/lib/http-auth';
import { MS_NLMP } from './support/ntlm-vectors';

// Hostile input never throws and costs one bounded pass; what the library builds, it reads back.

const NTLM_FAILURES = [
  'not-base64',
  'oversized',
  'too-short',
  'bad-signature',
  'unknown-type',
  'wrong-type',
  'field-out-of-bounds',
  'av-pair-out-of-bounds',
  'av-pair-bad-length',
];
const NEGOTIATE_FAILURES = [
  'not-base64',
  'oversized',
  'empty',
  'unrecognised',
  'unknown-mechanism',
  'spnego-malformed',
  'der-truncated',
  'der-indefinite-length',
  'der-bad-length',
  'der-high-tag',
  'der-too-many-elements',
];

/** A known message with some bytes changed and maybe cut short: input that gets past the signature. */
const mutated = (base: Uint8Array) =>
  fc.tuple(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(base.length)).map(([edits, cut]) => {
    const copy = base.slice(0, Math.max(cut, 12));
    for (const [at, value] of edits) if (at < copy.length) copy[at] = value;
    return copy;
  });

const spnegoInit = buildSpnegoInit({ mechanisms: NEGOTIATE_MECHANISMS.map((m) => m.oid), mechToken: MS_NLMP.authenticateMessage });
const spnegoResponse = buildSpnegoResponse({
  negState: 'accept-incomplete',
  supportedMechanism: '1.3.6.1.4.1.311.2.2.10',
  responseToken: MS_NLMP.challengeMessage,
});

describe('NTLM and Negotiate readers never throw', () => {
  it('on arbitrary bytes and text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.base64String({ maxLength: 300 })), (input) => {
        const ntlm = readNtlmMessage(input);
        expect(ntlm.kind === 'message' || NTLM_FAILURES.includes(ntlm.kind)).toBe(true);
        const negotiate = readNegotiateToken(input);
        expect(negotiate.kind === 'token' || NEGOTIATE_FAILURES.includes(negotiate.kind)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on NTLM messages with bytes changed or cut, and the verifier neither on what they parse to', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(MS_NLMP.challengeMessage), mutated(MS_NLMP.authenticateMessage)), async (bytes) => {
        const read = readNtlmMessage(encodeBase64(bytes));
        if (read.kind !== 'message') expect(NTLM_FAILURES).toContain(read.kind);
        else if (read.message.kind === 'authenticate') {
          const result = await verifyNtlmAuthenticate(read.message, { serverChallenge: MS_NLMP.serverChallenge, users: { User: 'Password' }, now: 0 });
          expect(typeof result.kind).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on SPNEGO tokens with bytes changed or cut', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(spnegoInit), mutated(spnegoResponse)), (bytes) => {
        const read = readNegotiateToken(bytes);
        expect(read.kind === 'token' || NEGOTIATE_FAILURES.includes(read.kind)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

const text = fc.string({ unit: 'binary', maxLength: 24 });
const avPair: fc.Arbitrary<NtlmAvPairInput> = fc.oneof(
  fc.record({
    name: fc.constantFrom('MsvAvNbComputerName', 'MsvAvNbDomainName', 'MsvAvDnsComputerName', 'MsvAvDnsDomainName', 'MsvAvTargetName'),
    value: text,
  }),
  fc.record({ name: fc.constant('MsvAvFlags'), value: fc.nat(7) }),
  fc.record({ name: fc.constant('MsvAvTimestamp'), filetime: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
) as fc.Arbitrary<NtlmAvPairInput>;

describe('build, then read back', () => {
  it('a CHALLENGE: flags, server challenge, target name and every AV pair', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        text,
        fc.array(avPair, { maxLength: 6 }),
        fc.nat(),
        (serverChallenge, targetName, pairs, flags) => {
          const unicodeFlags = (flags | 1) >>> 0; // target name as UTF-16LE
          const read = readNtlmMessage(encodeBase64(buildNtlmChallenge({ serverChallenge, targetName, targetInfo: pairs, flags: unicodeFlags })), 'challenge');
          if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(read.kind);
          expect(read.message.flags.value).toBe(unicodeFlags);
          expect(read.message.serverChallenge).toEqual(serverChallenge);
          expect(read.message.targetName.value).toBe(targetName);
          const back = read.message.targetInfo?.avPairs.pairs.map((p) =>
            p.kind === 'text'
              ? { name: p.name, value: p.value }
              : p.kind === 'flags'
                ? { name: p.name, value: p.value }
                : p.kind === 'timestamp'
                  ? { name: p.name, filetime: p.filetime }
                  : p,
          );
          expect(back).toEqual(pairs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an AUTHENTICATE: names and responses where the fields say', () => {
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.boolean(),
        (user, domain, workstation, lm, nt, mic) => {
          const built = buildNtlmAuthenticate({
            flags: ['NTLMSSP_NEGOTIATE_UNICODE', 'NTLMSSP_NEGOTIATE_VERSION'],
            lmResponse: lm,
            ntResponse: nt,
            user,
            domain,
            workstation,
            ...(mic ? { mic: new Uint8Array(16).fill(9) } : {}),
          });
          const read = readNtlmMessage(built, 'authenticate');
          if (read.kind !== 'message' || read.message.kind !== 'authenticate') throw new Error(read.kind);
          expect([read.message.user.value, read.message.domain.value, read.message.workstation.value]).toEqual([user, domain, workstation]);
          expect(read.message.lmResponse.bytes).toEqual(lm);
          expect(read.message.ntResponse.bytes).toEqual(nt);
          expect(read.message.mic !== undefined).toBe(mic);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a SPNEGO NegTokenInit: the mechanisms in order and the NTLM token inside', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          NEGOTIATE_MECHANISMS.map((m) => m.oid),
          { minLength: 1 },
        ),
        (oids) => {
          const read = readNegotiateToken(encodeBase64(buildSpnegoInit({ mechanisms: oids, mechToken: MS_NLMP.challengeMessage })));
          if (read.kind !== 'token' || read.token.kind !== 'spnego-init') throw new Error(read.kind);
          expect(read.token.mechanisms.map((m) => m.oid)).toEqual(oids);
          expect(read.token.mechToken).toMatchObject({ kind: 'ntlm', read: { kind: 'message', message: { kind: 'challenge' } } });
        },
      ),
    );
  });

  it('the verifier accepts what the client builds for any user and password, and refuses another password', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 16 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        async (user, password, serverChallenge) => {
          const challenge = readNtlmMessage(
            buildNtlmChallenge({ serverChallenge, targetName: 'LAB', targetInfo: [{ name: 'MsvAvNbDomainName', value: 'LAB' }] }),
            'challenge',
          );
          if (challenge.kind !== 'message' || challenge.message.kind !== 'challenge') throw new Error(challenge.kind);
          const { authenticate } = await ntlmAuthenticateFor(
            challenge.message,
            { user, domain: 'LAB', password, workstation: 'PC' },
            { clientChallenge: new Uint8Array(8).fill(1), now: 0 },
          );
          const read = readNtlmMessage(authenticate, 'authenticate');
          if (read.kind !== 'message' || read.message.kind !== 'authenticate') throw new Error(read.kind);
          const users = { [user]: password };
          expect((await verifyNtlmAuthenticate(read.message, { serverChallenge, users })).kind).toBe('valid');
          expect((await verifyNtlmAuthenticate(read.message, { serverChallenge, users: { [user]: `${password}!` } })).kind).toBe('wrong-password');
        },
      ),
      { numRuns: 50 },
    );
  });
});
