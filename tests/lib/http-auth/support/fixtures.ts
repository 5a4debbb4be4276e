import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Diagnostic,
  type ParseResult,
  formatAuthInfo,
  formatChallenge,
  formatCredentials,
  parseAuthInfo,
  parseChallenges,
  parseCredentials,
} from '@/lib/http-auth';

// Golden fixtures: `name.txt` holds field lines as they would appear after the colon, one per line; a
// line starting with SP or HTAB continues the previous one (an HTTP/1.1 obs-fold, kept as CRLF).
// The prefix of the name says which header it is: challenge-, credentials- or auth-info-.

export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/http-auth', import.meta.url));

export type FixtureKind = 'challenge' | 'credentials' | 'auth-info';
export type Fixture = { name: string; kind: FixtureKind; lines: string[] };

export function fieldLines(text: string): string[] {
  const raw = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines: string[] = [];
  for (const line of raw.split('\n')) {
    const last = lines.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) lines[last] += `\r\n${line}`;
    else lines.push(line);
  }
  return lines;
}

function kindOf(name: string): FixtureKind {
  if (name.startsWith('challenge-')) return 'challenge';
  if (name.startsWith('credentials-')) return 'credentials';
  if (name.startsWith('auth-info-')) return 'auth-info';
  throw new Error(`fixture ${name}: name must start with challenge-, credentials- or auth-info-`);
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      return { name, kind: kindOf(name), lines: fieldLines(readFileSync(join(FIXTURE_DIR, file), 'utf8')) };
    });
}

export function readExpected(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8'));
}

const where = (d: Diagnostic) => (d.line === undefined ? { code: d.code, index: d.index } : { code: d.code, index: d.index, line: d.line });

function summarise<T>(result: ParseResult<T>, format: (value: T) => unknown): unknown {
  if (!result.ok) return { ok: false, error: where(result.error) };
  return { ok: true, value: result.value, warnings: result.warnings.map(where), formatted: format(result.value) };
}

/** Parses a fixture and reduces the result to what the `.json` file records. */
export function runFixture(f: Fixture): unknown {
  switch (f.kind) {
    case 'challenge':
      return summarise(parseChallenges(f.lines.length === 1 ? (f.lines[0] ?? '') : f.lines), (v) => v.map(formatChallenge));
    case 'credentials':
      return summarise(parseCredentials(f.lines.join('')), formatCredentials);
    case 'auth-info':
      return summarise(parseAuthInfo(f.lines.join(''), { scheme: 'Digest' }), (v) => formatAuthInfo(v, 'Digest'));
    default: {
      const never: never = f.kind;
      return never;
    }
  }
}
