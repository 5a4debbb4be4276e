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

  // Issue 18's lessons (discovery, PKCE, MCP authorization) cite these; DPoP's and the JWK thumbprint's
  // follow. Each pair is what the RFC's own text names the section, so a table regenerated from the wrong
  // text, or lost, fails here before a lesson's citation does.
  test.each([
    [9728, '3', 'Obtaining Protected Resource Metadata'],
    [9728, '3.1', 'Protected Resource Metadata Request'],
    [9728, '5.1', 'WWW-Authenticate Response'],
    [9728, '7.3', 'Impersonation Attacks'],
    [8414, '3', 'Obtaining Authorization Server Metadata'],
    [8414, '3.3', 'Authorization Server Metadata Validation'],
    [7591, '3.1', 'Client Registration Request'],
    [7591, '3.2.1', 'Client Information Response'],
    [7636, '4.2', 'Client Creates the Code Challenge'],
    [7636, '4.6', 'Server Verifies code_verifier before Returning the Tokens'],
    [8707, '2', 'Resource Parameter'],
    [9068, '4', 'Validating JWT Access Tokens'],
    [8252, '7.3', 'Loopback Interface Redirection'],
    [9449, '4.3', 'Checking DPoP Proofs'],
    [9449, '7.1', 'The DPoP Authentication Scheme'],
    [7638, '3', 'JSON Web Key (JWK) Thumbprint'],
  ])('RFC %i §%s is "%s"', (rfc, section, title) => {
    expect(findRfcSection(rfc, section)).toBe(title);
  });

  test('the OAuth tables end where their RFCs do, Acknowledgements unnumbered', () => {
    // The drafts behind RFC 9728 and RFC 9449 had Acknowledgements and Document History appendices; the RFCs do not.
    expect(findRfcSection(9728, '9.2')).toBe('Informative References');
    expect(findRfcSection(9728, 'A')).toBeUndefined();
    expect(findRfcSection(9449, '13.2')).toBe('Informative References');
    expect(findRfcSection(9449, 'A')).toBeUndefined();
    expect(findRfcSection(7636, 'B')).toBe('Example for the S256 code_challenge_method');
    expect(findRfcSection(8707, '2.3')).toBeUndefined();
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
