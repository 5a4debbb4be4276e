/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RFC_EXCERPTS } from '@/lib/compat/rfc-excerpts';
import { checkExcerpts } from '../../scripts/rfc-excerpts.mjs';

// scripts/rfc-excerpts.mjs against the real RFC texts kept as fixtures (tests/fixtures/content/rfc/sources/,
// the same bytes content/rfc records by sha256): the case pages' quotations of RFC 7616 and RFC 7617 are
// the RFCs' own words, and a passage changed by one word, or a text that is not the recorded one, is caught.

const sources = path.join(process.cwd(), 'tests/fixtures/content/rfc/sources');
const fixtureRfcs = [7616, 7617];
const fromFixtures = RFC_EXCERPTS.filter((e) => fixtureRfcs.includes(e.rfc));

test('every quoted passage of RFC 7616 and RFC 7617 is in the RFC text content/rfc records', () => {
  expect(fromFixtures.length).toBeGreaterThanOrEqual(10);
  const { problems, unchecked } = checkExcerpts(fromFixtures, sources);
  expect(problems).toEqual([]);
  expect(unchecked).toEqual([]);
});

test('a passage changed by one word is reported with its section', () => {
  const [first] = fromFixtures;
  if (!first) throw new Error('no excerpt of RFC 7616');
  const changed = { ...first, passages: [first.passages[0]?.replace(/\bMUST\b|\bSHOULD\b|\bthe\b/, 'MAY') ?? ''] };
  const { problems } = checkExcerpts([changed], sources);
  expect(problems).toEqual([expect.stringMatching(new RegExp(`^RFC ${first.rfc} §${first.section.replace(/\./g, '\\.')}: not in the RFC's text`))]);
});

test('a text other than the recorded one is refused, and an RFC without a text is listed as not checked', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rfc-excerpts-'));
  try {
    fs.writeFileSync(path.join(folder, 'rfc7617.xml'), `${fs.readFileSync(path.join(sources, 'rfc7617.xml'), 'utf8')}\n`);
    const { problems, unchecked } = checkExcerpts(
      RFC_EXCERPTS.filter((e) => e.rfc === 7617 || e.rfc === 9110),
      folder,
    );
    expect(problems).toEqual([expect.stringMatching(/^rfc7617\.xml: not the text content\/rfc\/rfc7617\.json records/)]);
    expect(unchecked).toEqual([7617, 9110]);
  } finally {
    fs.rmSync(folder, { recursive: true });
  }
});
