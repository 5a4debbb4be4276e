/** @jest-environment node */
import fc from 'fast-check';
import { checkCodeChallenge, checkCodeVerifier, newCodeVerifier, s256Challenge, verifierProblem } from '@/lib/oauth/pkce';

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const verifiers = fc.string({ unit: fc.constantFrom(...UNRESERVED), minLength: 43, maxLength: 128 });

describe('PKCE (RFC 7636)', () => {
  test('Appendix B: the RFC’s own verifier gives its challenge', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  test.each([
    ['42 characters', 'a'.repeat(42), { kind: 'verifier-length', length: 42 }],
    ['129 characters', 'a'.repeat(129), { kind: 'verifier-length', length: 129 }],
    ['a space', `${'a'.repeat(20)} ${'a'.repeat(22)}`, { kind: 'verifier-character', index: 20, character: ' ' }],
    ['a plus (base64, not base64url)', `${'a'.repeat(42)}+`, { kind: 'verifier-character', index: 42, character: '+' }],
    ['non-ASCII', `${'a'.repeat(42)}é`, { kind: 'verifier-character', index: 42, character: 'é' }],
  ])('a verifier with %s is refused, saying why', (_name, verifier, problem) => {
    expect(verifierProblem(verifier)).toEqual(problem);
    expect(checkCodeVerifier(verifier, s256Challenge('x'.repeat(43)))).toEqual({ kind: 'invalid', problem });
  });

  test('any verifier RFC 7636 §4.1 allows matches its own S256 challenge, and no other verifier does', () => {
    fc.assert(
      fc.property(verifiers, verifiers, (verifier, other) => {
        const challenge = s256Challenge(verifier);
        expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(verifierProblem(verifier)).toBeUndefined();
        expect(checkCodeVerifier(verifier, challenge)).toEqual({ kind: 'ok' });
        if (other !== verifier) expect(checkCodeVerifier(other, challenge)).toEqual({ kind: 'mismatch' });
      }),
      { numRuns: 300 },
    );
  });

  test('a new verifier is 43 base64url characters, and allowed', () => {
    const verifier = newCodeVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifierProblem(verifier)).toBeUndefined();
    expect(newCodeVerifier()).not.toBe(verifier);
  });

  test.each([
    ['no challenge', undefined, 'S256', { kind: 'missing' }],
    ['no method: plain by default (§4.3), refused', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', undefined, { kind: 'plain', explicit: false }],
    ['plain', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'plain', { kind: 'plain', explicit: true }],
    ['a method nobody defined', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S512', { kind: 'unknown-method', method: 'S512' }],
    ['a lower-case method (methods are case-sensitive)', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 's256', { kind: 'unknown-method', method: 's256' }],
    [
      'an S256 challenge with padding',
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=',
      'S256',
      { kind: 'malformed', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=' },
    ],
    ['an S256 challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256', { kind: 'ok', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }],
  ])('authorization request with %s', (_name, challenge, method, expected) => {
    expect(checkCodeChallenge(challenge, method)).toEqual(expected);
  });

  test('a token request without a verifier is told so', () => {
    expect(checkCodeVerifier(undefined, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toEqual({ kind: 'missing' });
    expect(checkCodeVerifier('', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toEqual({ kind: 'missing' });
  });
});
