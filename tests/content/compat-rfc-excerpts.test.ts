/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { findRfcExcerpt, loadRfcExcerpts } from '@/lib/compat/rfc-excerpts';

// Every case page quotes the RFC text that decides it (issue 21): each section a case cites has its
// passages in content/compat/rfc-excerpts.yaml (scripts/rfc-excerpts.mjs checks them against the RFCs).

test('every section the cases cite has the RFC passages its case pages quote', () => {
  const missing = COMPAT_CASES.flatMap((c) => c.citations.filter(({ rfc, section }) => findRfcExcerpt(rfc, section) === undefined).map(({ rfc, section }) => `${c.id}: RFC ${rfc} §${section}`));
  expect(missing).toEqual([]);
});

test('a section listed twice, or one the RFC does not have, is refused at load with where it is', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'excerpts-'));
  const file = path.join(folder, 'rfc-excerpts.yaml');
  try {
    fs.writeFileSync(
      file,
      ["excerpts:", "  - { rfc: 9110, section: '11.1', passages: [a] }", "  - { rfc: 9110, section: '11.1', passages: [b] }", "  - { rfc: 9110, section: '99.9', passages: [c] }"].join('\n'),
    );
    expect(() => loadRfcExcerpts(file)).toThrow(/excerpts\[1\]: RFC 9110 §11\.1 is listed twice[\s\S]*excerpts\[2\]: RFC 9110 has no section 99\.9/);
    fs.writeFileSync(file, "excerpts:\n  - { rfc: 9110, section: 11.1, passages: [a] }\n");
    expect(() => loadRfcExcerpts(file)).toThrow(/rfc-excerpts\.yaml:2: .*must be a quoted string/);
  } finally {
    fs.rmSync(folder, { recursive: true });
  }
});
