import path from 'node:path';
import { findRfcSection, loadRfcSections, RFC_SECTIONS } from '@/lib/content/rfc-sections';

const fixtures = path.join(process.cwd(), 'tests/fixtures/content/rfc');
const dir = (name: string) => path.join(fixtures, name);
const file = 'tests/fixtures/content/rfc';

describe('RFC section tables (content/rfc/rfcNNNN.json)', () => {
  test('a table loads under its RFC number, in the RFC’s order', () => {
    const tables = loadRfcSections(dir('good'));
    expect(Object.keys(tables)).toEqual(['9999']);
    expect(tables[9999]?.title).toBe('A Well-Formed Table');
    expect([...(tables[9999]?.sections ?? [])]).toEqual([
      ['1', 'Introduction'],
      ['1.1', 'Terminology'],
      ['2', 'The Rule'],
      ['A', 'Acknowledgements'],
    ]);
  });

  test('the lab’s own tables load, and a lookup names the section or nothing', () => {
    expect(Object.keys(RFC_SECTIONS).length).toBeGreaterThanOrEqual(17);
    expect(RFC_SECTIONS[9110]?.title).toBe('HTTP Semantics');
    expect(findRfcSection(9110, '15.5.2')).toBe('401 Unauthorized');
    expect(findRfcSection(7617, 'A')).toBe('Changes from RFC 2617');
    expect(findRfcSection(9110, '99.1')).toBeUndefined();
    expect(findRfcSection(1234, '1')).toBeUndefined();
  });

  test('a bad entry is refused, naming the file, the line, the entry and what is wrong', () => {
    expect(() => loadRfcSections(dir('bad-entry'))).toThrow(
      [
        `${file}/bad-entry/rfc9999.json does not match its schema:`,
        `  ${file}/bad-entry/rfc9999.json:5: sections[1][0] (in ["1.a","Terminology"]): must be a section number such as "4.2.1" or "B.2"`,
        `  ${file}/bad-entry/rfc9999.json:6: sections[2][1] (in ["2",""]): must be the section title`,
        `  ${file}/bad-entry/rfc9999.json:7: sections[3] (in ["3"]): Too small: expected array to have >=2 items`,
      ].join('\n'),
    );
  });

  test('a section listed twice is refused, pointing at the first', () => {
    expect(() => loadRfcSections(dir('repeated-section'))).toThrow(
      `${file}/repeated-section/rfc9999.json:6: sections[2][0] (in ["1.1","Requirements Notation"]): section 1.1 is already listed at sections[1]`,
    );
  });

  test('a file that is not JSON, or not named after its RFC, is refused by name', () => {
    expect(() => loadRfcSections(dir('not-json'))).toThrow(new RegExp(`^${file}/not-json/rfc9999\\.json: not valid JSON: `));
    expect(() => loadRfcSections(dir('misnamed'))).toThrow(`${file}/misnamed/rfc-9999.json: name each RFC's table rfcNNNN.json, after the RFC's number`);
  });
});
