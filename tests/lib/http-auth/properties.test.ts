import fc from 'fast-check';
import {
  type Diagnostic,
  type ParseResult,
  formatAuthInfo,
  formatChallenges,
  formatCredentials,
  parseAuthInfo,
  parseChallenges,
  parseCredentials,
} from '@/lib/http-auth';
import { anyString, challenge, credentials, headerish, paramName, paramValue } from './support/arbitraries';

const RUNS = { numRuns: 1500 };

function diagnosticsOf(r: ParseResult<unknown>): Diagnostic[] {
  return r.ok ? r.warnings : [r.error];
}

function insideInput(d: Diagnostic, input: string): boolean {
  return input.length === 0 ? d.index === 0 : Number.isInteger(d.index) && d.index >= 0 && d.index < input.length;
}

describe('properties: the parsers never throw and always point inside the input', () => {
  it.each([
    ['parseChallenges', (s: string) => parseChallenges(s)],
    ['parseCredentials', (s: string) => parseCredentials(s)],
    ['parseAuthInfo', (s: string) => parseAuthInfo(s, { scheme: 'Digest' })],
  ] as const)('%s', (_name, parse) => {
    fc.assert(
      fc.property(anyString, (input) => {
        const result = parse(input);
        for (const d of diagnosticsOf(result)) {
          expect(insideInput(d, input)).toBe(true);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('several field lines: each diagnostic names its line and stays inside it', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 4 }), (lines) => {
        for (const d of diagnosticsOf(parseChallenges(lines))) {
          if (lines.length === 0) continue; // no line to point into: only the no-challenge warning
          const line = lines[d.line ?? -1];
          expect(line).toBeDefined();
          expect(insideInput(d, line ?? '')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('properties: formatting round-trips', () => {
  it('parseChallenges(formatChallenges(cs)) gives back cs', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 4 }), (cs) => {
        const result = parseChallenges(formatChallenges(cs));
        expect(result).toMatchObject({ ok: true, value: cs });
      }),
      RUNS,
    );
  });

  it('parseCredentials(formatCredentials(c)) gives back c', () => {
    fc.assert(
      fc.property(credentials, (c) => {
        expect(parseCredentials(formatCredentials(c))).toMatchObject({ ok: true, value: c });
      }),
      RUNS,
    );
  });

  it('parseAuthInfo(formatAuthInfo(p)) gives back p', () => {
    fc.assert(
      fc.property(fc.dictionary(paramName, paramValue, { maxKeys: 6 }), (params) => {
        expect(parseAuthInfo(formatAuthInfo(params, 'Digest'))).toMatchObject({ ok: true, value: params });
      }),
      RUNS,
    );
  });

  it('whatever parses, formats to a header that parses to the same value', () => {
    fc.assert(
      fc.property(headerish, (input) => {
        const first = parseChallenges(input);
        if (!first.ok) return;
        expect(parseChallenges(formatChallenges(first.value))).toMatchObject({ ok: true, value: first.value });
      }),
      RUNS,
    );
  });
});
