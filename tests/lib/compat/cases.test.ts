import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseChallenges } from '@/lib/http-auth';
import { CASE_GROUPS } from '@/lib/compat/case-schema';
import { COMPAT_CASES, loadCompatCases } from '@/lib/compat/cases';
import { ContentDataError } from '@/lib/content/data-file';
import { findRfcSection } from '@/lib/content/rfc-sections';

/** A cases file with `yaml` as its text, loaded (and removed again). */
function loadText(yaml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-cases-'));
  const file = path.join(dir, 'cases.yaml');
  fs.writeFileSync(file, yaml);
  try {
    return loadCompatCases(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BASIC = `cases:
  - id: basic-plain
    group: basic
    title: A plain Basic challenge
    sends:
      status: 401
      lines:
        - 'Basic realm="compat@lab"'
    follows: Answers Basic.
    expect: { kind: answers, scheme: Basic }
    citations:
      - { rfc: 7617, section: '2' }
`;

/** Every line the lab sends, with its placeholders filled as the case server fills them. */
const allLines = (c: (typeof COMPAT_CASES)[number]) => {
  const flow = c.flow;
  const more =
    flow.kind === 'stale-nonce' || flow.kind === 'nextnonce'
      ? flow.stale.lines
      : flow.kind === 'proxy-then-origin'
        ? flow.origin.lines
        : flow.kind === 'token-refused'
          ? flow.refusal.lines
          : [];
  return [c.sends.lines, more].map((lines) => lines.map((line) => line.replaceAll('{nonce}', 'bm9uY2U=')));
};

describe('content/compat/cases.yaml', () => {
  test('holds at least 32 cases, in every group, with unique ids', () => {
    expect(COMPAT_CASES.length).toBeGreaterThanOrEqual(32);
    expect(new Set(COMPAT_CASES.map((c) => c.group))).toEqual(new Set(CASE_GROUPS));
    expect(new Set(COMPAT_CASES.map((c) => c.id)).size).toBe(COMPAT_CASES.length);
  });

  test.each(COMPAT_CASES.map((c) => [c.id, c] as const))('%s: every citation names a section of content/rfc', (_id, c) => {
    for (const { rfc, section } of c.citations) expect([rfc, section, findRfcSection(rfc, section)]).toEqual([rfc, section, expect.any(String)]);
  });

  test.each(COMPAT_CASES.map((c) => [c.id, c] as const))('%s: the lines parse with the lab’s own parser, or the case is marked illegal', (_id, c) => {
    for (const lines of allLines(c)) {
      if (lines.length === 0) continue;
      const parsed = parseChallenges(lines);
      if (!parsed.ok) expect(c.illegal).toEqual(expect.stringContaining('RFC'));
    }
  });

  test('the cases the issue lists are all there', () => {
    const ids = new Set(COMPAT_CASES.map((c) => c.id));
    for (const id of [
      'several-challenges-one-line',
      'several-challenges-several-lines',
      'unknown-scheme-first-own-line',
      'lower-case-scheme',
      'token68-challenge-first',
    ]) {
      expect(ids).toContain(id);
    }
    for (const id of ['empty-list-elements', 'whitespace-around-equals', 'duplicate-parameter', 'basic-charset-utf8-non-ascii', 'digest-rfc2069-no-qop']) {
      expect(ids).toContain(id);
    }
    for (const id of [
      'digest-qop-auth-and-auth-int',
      'digest-sha256-then-md5',
      'digest-md5-then-sha256',
      'digest-sha256-sess',
      'digest-userhash',
      'digest-stale-nonce',
    ]) {
      expect(ids).toContain(id);
    }
    for (const id of [
      'digest-auth-int-body',
      'digest-unquoted-algorithm',
      'bearer-invalid-token',
      'no-challenge',
      'proxy-basic-then-origin-basic',
      'redirect-cross-origin',
    ]) {
      expect(ids).toContain(id);
    }
    for (const id of ['redirect-same-origin', 'digest-nextnonce', 'ntlm', 'negotiate']) expect(ids).toContain(id);
  });
});

describe('loadCompatCases refuses bad data with the file, line, case and field', () => {
  test('a good file loads, with the default credentials and flow', () => {
    const [c] = loadText(BASIC);
    expect(c).toMatchObject({
      credentials: { username: 'alice', password: 'wonderland' },
      flow: { kind: 'single' },
      request: { method: 'GET' },
      alternatives: [],
    });
  });

  test('an expectation of the wrong shape', () => {
    expect(() => loadText(BASIC.replace('scheme: Basic }', 'scheme: Kerberos }'))).toThrow(ContentDataError);
    expect(() => loadText(BASIC.replace('scheme: Basic }', 'scheme: Kerberos }'))).toThrow(/cases\.yaml:10: cases\[0\]\.expect\.scheme \(in "basic-plain"\)/);
  });

  test('a field line with CR or LF, or an unknown placeholder', () => {
    expect(() => loadText(BASIC.replace(`'Basic realm="compat@lab"'`, `"Basic realm=\\"x\\"\\r\\nX: 1"`))).toThrow(/cases\[0\]\.sends\.lines\[0\].*no CR, LF/);
    expect(() => loadText(BASIC.replace('realm="compat@lab"', 'realm="{realm}"'))).toThrow(/may only use the placeholders \{nonce\}/);
  });

  test('a 401 without a challenge that is not marked illegal, and an expectation its flow cannot show', () => {
    expect(() => loadText(BASIC.replace(`lines:\n        - 'Basic realm="compat@lab"'`, 'lines: []'))).toThrow(/sends\.lines.*mark the case `illegal`/);
    expect(() => loadText(BASIC.replace('kind: answers, scheme: Basic', 'kind: uses-nextnonce'))).toThrow(
      /expect\.kind.*cannot be observed in a "single" flow/,
    );
  });

  test('a citation of a section that does not exist, and a repeated id', () => {
    expect(() => loadText(BASIC.replace("section: '2' }", "section: '9.9' }"))).toThrow(/"basic-plain" citations\[0\]: RFC 7617 has no section 9\.9/);
    expect(() => loadText(BASIC.replace("section: '2' }", 'section: 2.1 }'))).toThrow(/must be a quoted string such as "2.1"/);
    expect(() => loadText(BASIC + BASIC.replace('cases:\n', ''))).toThrow(/cases\[1\]\.id.*"basic-plain" is used by an earlier case/);
  });
});
