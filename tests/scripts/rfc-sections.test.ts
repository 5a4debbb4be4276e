/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { findRfcSection, RFC_SECTIONS } from '@/lib/content/rfc-sections';
import { parseMarkdownSections, parseMarkdownTitle } from '../../scripts/rfc-sections/parse-markdown.mjs';
import { parseTextSections, parseTextToc, parseTextTitle } from '../../scripts/rfc-sections/parse-text.mjs';
import { parseXmlSections } from '../../scripts/rfc-sections/parse-xml.mjs';
import { checkedTable, sectionTable, tableJson } from '../../scripts/rfc-sections.mjs';

// scripts/rfc-sections.mjs on real RFC texts (tests/fixtures/content/rfc/sources/), and the nine entries
// the hand-typed tables had wrong, pinned to what the RFCs say.
const sources = path.join(process.cwd(), 'tests/fixtures/content/rfc/sources');
const read = (name: string) => fs.readFileSync(path.join(sources, name), 'utf8');
const origins = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'scripts/rfc-sources.json'), 'utf8')) as Record<
  string,
  { url: string; kind: string; checked?: string[] }
>;

describe('the plain-text contents parser', () => {
  test('RFC 8446: paginated contents, page breaks inside, appendices by letter, unnumbered entries left out', () => {
    const text = read('rfc8446-contents.txt');
    const sections = parseTextToc(text);
    expect(parseTextTitle(text)).toBe('The Transport Layer Security (TLS) Protocol Version 1.3');
    expect(sections.slice(0, 3)).toEqual([
      ['1', 'Introduction'],
      ['1.1', 'Conventions and Terminology'],
      ['1.2', 'Major Differences from TLS 1.2'],
    ]);
    expect(sections).toContainEqual(['12.2', 'Informative References']);
    expect(sections).toContainEqual(['A', 'State Machine']);
    expect(sections).toContainEqual(['B.3.1', 'Key Exchange Messages']);
    expect(sections.at(-1)).toEqual(['E.8', 'Attacks on Static RSA']);
    expect(sections).toHaveLength(120);
    expect(sections.map(([, title]) => title).filter((title) => /\.\.|Contributors|Address/.test(title))).toEqual([]);
  });

  test('RFC 2617: numbers without a trailing dot, title before "Status of this Memo", a page break inside', () => {
    const text = read('rfc2617-contents-excerpt.txt');
    const sections = parseTextToc(text);
    expect(parseTextTitle(text)).toBe('HTTP Authentication: Basic and Digest Access Authentication');
    expect(sections.slice(0, 3)).toEqual([
      ['1', 'Access Authentication'],
      ['1.1', 'Reliance on the HTTP/1.1 Specification'],
      ['1.2', 'Access Authentication Framework'],
    ]);
    expect(sections).toContainEqual(['3.2.1', 'The WWW-Authenticate Response Header']);
    expect(sections).toContainEqual(['4.1', 'Authentication of Clients using Basic Authentication']);
    expect(sections).toContainEqual(['4.10', 'Precomputed dictionary attacks']);
    // After the page break (footer, form feed, running header) the list goes on.
    expect(sections.at(-1)).toEqual(['9', 'Full Copyright Statement']);
    expect(sections).toHaveLength(38);
  });

  test('RFC 6749: sections deeper than the contents list are read from the headings in the body', () => {
    const text = read('rfc6749-deeper-excerpt.txt');
    expect(parseTextToc(text).map(([number]) => number)).toEqual(['3', '3.1', '3.1.1', '3.1.2', '3.2', '3.2.1', '3.3']);
    expect(parseTextSections(text)).toEqual([
      ['3', 'Protocol Endpoints'],
      ['3.1', 'Authorization Endpoint'],
      ['3.1.1', 'Response Type'],
      ['3.1.2', 'Redirection Endpoint'],
      ['3.1.2.1', 'Endpoint Request Confidentiality'],
      ['3.1.2.2', 'Registration Requirements'],
      ['3.1.2.3', 'Dynamic Configuration'],
      ['3.1.2.4', 'Invalid Endpoint'],
      ['3.1.2.5', 'Endpoint Content'],
      ['3.2', 'Token Endpoint'],
      ['3.2.1', 'Client Authentication'],
      ['3.3', 'Access Token Scope'],
    ]);
  });

  test('RFC 7616: a title wrapped onto a second line is one title; Acknowledgments has no number', () => {
    expect(parseTextToc(read('rfc7616-contents-excerpt.txt'))).toEqual([
      ['3.5', 'The Authentication-Info and Proxy-Authentication-Info Header Fields'],
      ['A', 'Changes from RFC 2617'],
    ]);
  });
});

describe('the xml2rfc parser', () => {
  test("xml2rfc's own entities: &nbhy; is the hyphen the RFC shows, &wj; and &zwsp; show nothing", () => {
    const xml =
      '<rfc><middle><section title="Sub-Namespace Registration of urn:ietf:params:oauth:token&nbhy;type:jwt"/><section><name>a&wj;b&zwsp;c</name></section></middle></rfc>';
    expect(parseXmlSections(xml)).toEqual([
      ['1', 'Sub-Namespace Registration of urn:ietf:params:oauth:token-type:jwt'],
      ['2', 'abc'],
    ]);
    expect(findRfcSection(7519, '10.2')).toBe('Sub-Namespace Registration of urn:ietf:params:oauth:token-type:jwt');
  });
});

describe('the kramdown-rfc markdown parser', () => {
  test('RFC 8725 as markdown converted from the RFC: numbered middle, both reference groups as §6, unnumbered Acknowledgements', () => {
    const markdown = read('rfc8725.md');
    const sections = parseMarkdownSections(markdown);
    expect(parseMarkdownTitle(markdown)).toBe('JSON Web Token Best Current Practices');
    expect(sections.slice(0, 3)).toEqual([
      ['1', 'Introduction'],
      ['1.1', 'Target Audience'],
      ['1.2', 'Conventions Used in this Document'],
    ]);
    expect(sections).toContainEqual(['3.12', 'Use Mutually Exclusive Validation Rules for Different Kinds of JWTs']);
    expect(sections.slice(-5)).toEqual([
      ['4', 'Security Considerations'],
      ['5', 'IANA Considerations'],
      ['6', 'References'],
      ['6.1', 'Normative References'],
      ['6.2', 'Informative References'],
    ]);
    expect(sections).toHaveLength(31);
  });

  test('fenced blocks hold no headings; the back is lettered; an unnumbered heading takes its subtree with it', () => {
    const markdown = [
      '---',
      'title: "A Title"',
      'informative:',
      '  RFC7519:',
      '',
      '--- middle',
      '# One {#one}',
      '~~~',
      '# not a heading',
      '~~~',
      '## One One',
      '# Two',
      '--- back',
      '# Acknowledgements',
      "{: numbered='false'}",
      '## Not numbered either',
      '# Appendix Title {#a}',
      '## Deeper',
    ].join('\n');
    expect(parseMarkdownTitle(markdown)).toBe('A Title');
    expect(parseMarkdownSections(markdown)).toEqual([
      ['1', 'One'],
      ['1.1', 'One One'],
      ['2', 'Two'],
      ['3', 'Informative References'],
      ['A', 'Appendix Title'],
      ['A.1', 'Deeper'],
    ]);
  });
});

describe('a hand-typed table checked against the nearest text (RFC 9700 against draft -29)', () => {
  const draft = read('rfc9700-draft-29-contents.txt');
  const origin = { url: 'https://example.org/draft.txt', kind: 'a draft', checked: ['1', '2', '3', '4'] };

  test("the checked sections take the draft's missing entries; a different title and an extra entry stay, reported; the rest is untouched", () => {
    const hand = {
      title: 'Typed Title',
      sections: [
        ['1', 'Introduction'],
        ['1.1', 'Structure'],
        ['1.2', 'Conventions & Terminology'],
        ['1.3', 'Not in the Draft'],
        ['2', 'Best Practices'],
        ['5', 'IANA Considerations'],
        ['7', 'References'],
      ] as [string, string][],
    };
    const { table, differences } = checkedTable(hand, draft, 'txt', origin);
    expect(table.title).toBe('Typed Title');
    expect(table.source).toEqual(expect.objectContaining({ url: origin.url, kind: 'a draft', checked: ['1', '2', '3', '4'] }));
    const numbers = table.sections.map(([number]) => number);
    expect(numbers.slice(0, 6)).toEqual(['1', '1.1', '1.2', '1.3', '2', '2.1']);
    expect(numbers.slice(-4)).toEqual(['4.17.1.3', '4.17.2', '5', '7']);
    expect(table.sections).toContainEqual(['1.2', 'Conventions & Terminology']);
    expect(table.sections).toContainEqual(['4.4.2.1', 'Mix-Up Defense via Issuer Identification']);
    // The draft's §5-§8 (Acknowledgements, IANA, Security Considerations, References) are not checked.
    expect(table.sections).not.toContainEqual(['5', 'Acknowledgements']);
    expect(numbers).not.toContain('8');
    expect(differences).toContain('§1.2 is "Conventions & Terminology" in the table, "Conventions and Terminology" in the text');
    expect(differences).toContain('§1.3 "Not in the Draft" is in the table, not in the text');
    expect(differences).toContain('§4.10.3 "Discussion: Preventing Leakage via Metadata" is in the text, not in the table');
  });

  test("content/rfc/rfc9700.json: §1-§4 are exactly the draft's, numbers and titles; the back matter is as typed", () => {
    const table = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'content/rfc/rfc9700.json'), 'utf8')) as { title: string; sections: [string, string][] };
    const { table: checked, differences } = checkedTable(table, draft, 'txt', origin);
    expect(differences).toEqual([]);
    expect(checked.sections).toEqual(table.sections);
    expect(table.sections.filter(([number]) => /^[5-9]/.test(number))).toEqual([
      ['5', 'IANA Considerations'],
      ['6', 'Security Considerations'],
      ['7', 'References'],
    ]);
    expect(RFC_SECTIONS[9700]?.source?.checked).toEqual(['1', '2', '3', '4']);
    expect(RFC_SECTIONS[9700]?.source?.url).toBe(origins['9700']?.url);
  });
});

describe('RFC 9470 checked against draft -17, the draft it was published from', () => {
  test("content/rfc/rfc9470.json: §1-§10 are exactly the draft's; the references are the RFC's 11.1 and 11.2, the appendices gone", () => {
    const table = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'content/rfc/rfc9470.json'), 'utf8')) as { title: string; sections: [string, string][] };
    const origin = origins['9470'];
    if (!origin?.checked) throw new Error('scripts/rfc-sources.json lists no checked source for RFC 9470');
    const {
      table: checked,
      differences,
      textTitle,
    } = checkedTable(table, read('rfc9470-draft-17-contents.txt'), 'txt', { ...origin, checked: origin.checked });
    expect(differences).toEqual([]);
    expect(checked.sections).toEqual(table.sections);
    expect(table.sections).toContainEqual(['3', 'Authentication Requirements Challenge']);
    expect(table.sections.filter(([number]) => /^(1[1-9]|[A-Z])/.test(number))).toEqual([
      ['11', 'References'],
      ['11.1', 'Normative References'],
      ['11.2', 'Informative References'],
    ]);
    // The RFC Editor dropped the hyphen from the draft's title.
    expect([textTitle, table.title]).toEqual(['OAuth 2.0 Step-up Authentication Challenge Protocol', 'OAuth 2.0 Step Up Authentication Challenge Protocol']);
    expect(RFC_SECTIONS[9470]?.source?.url).toBe(origin.url);
  });
});

describe('content/rfc/ is what the generator makes of the RFC texts', () => {
  // The table file must be byte for byte what the generator writes from the text with that sha256: a
  // hand edit to a generated table fails here (for these three) or in `--check` (for all of them).
  test.each([
    ['7616', 'rfc7616.xml', 'xml'],
    ['7617', 'rfc7617.xml', 'xml'],
    ['9457', 'rfc9457.txt', 'txt'],
    ['8725', 'rfc8725.md', 'md'],
  ] as const)('RFC %s from %s', (rfc, file, format) => {
    const origin = origins[rfc];
    if (!origin) throw new Error(`scripts/rfc-sources.json lists no RFC ${rfc}`);
    const table = fs.readFileSync(path.join(process.cwd(), `content/rfc/rfc${rfc}.json`), 'utf8');
    expect(table).toBe(tableJson(sectionTable(read(file), format, origin)));
  });

  test('every table has a source; the only ones checked against a text for part of them are RFC 9470 (§1-§10, against draft -17) and RFC 9700 (§1-§4, against draft -29)', () => {
    const unsourced = Object.entries(RFC_SECTIONS).filter(([, table]) => table.source === undefined);
    expect(unsourced.map(([rfc]) => Number(rfc))).toEqual([]);
    const partial = Object.entries(RFC_SECTIONS).filter(([, table]) => table.source?.checked !== undefined);
    expect(partial.map(([rfc, table]) => [Number(rfc), table.source?.checked])).toEqual([
      [9470, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']],
      [9700, ['1', '2', '3', '4']],
    ]);
  });
});

describe('the nine entries the hand-typed tables had wrong', () => {
  test('RFC 7616 §3.5 is both header fields; §6.1 has no subsections', () => {
    expect(findRfcSection(7616, '3.5')).toBe('The Authentication-Info and Proxy-Authentication-Info Header Fields');
    expect(findRfcSection(7616, '6.1')).toBe('Hash Algorithms for HTTP Digest Authentication');
    expect(findRfcSection(7616, '6.1.1')).toBeUndefined();
    expect(findRfcSection(7616, '6.1.2')).toBeUndefined();
  });

  test('RFC 7617 Appendix B is about the charset parameter, with B.1 to B.3', () => {
    expect(findRfcSection(7617, 'A')).toBe('Changes from RFC 2617');
    expect(findRfcSection(7617, 'B')).toBe("Deployment Considerations for the 'charset' Parameter");
    expect(findRfcSection(7617, 'B.1')).toBe('User Agents');
    expect(findRfcSection(7617, 'B.3')).toBe('Why not simply switch the default encoding to UTF-8?');
  });

  test('RFC 9457 §6 has no subsections (RFC 7807 had 6.1 and 6.2)', () => {
    expect(findRfcSection(9457, '6')).toBe('IANA Considerations');
    for (const section of ['6.1', '6.2', '6.2.1', '6.2.2']) expect(findRfcSection(9457, section)).toBeUndefined();
  });

  test('RFC 9700 §4 ends at §4.17', () => {
    expect(findRfcSection(9700, '4.17')).toBe('Attacks on In-Browser Communication Flows');
    expect(findRfcSection(9700, '4.18')).toBeUndefined();
  });
});
