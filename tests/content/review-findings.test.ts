// Issue 15: what an outside review of the lessons found wrong, kept from coming back. Each finding is a
// rule over the lesson reader's model (the prose a reader sees and the links beside it, per source line):
// a wording that must not return, or a claim that must keep its citation. Browser and client claims are
// not here: they are asserted by running the browsers and clients (tests/browser, tests/http).
import { loadTroubleshootingTree } from '@/lib/content/troubleshooting-tree';
import { readCheckedLessons, type CheckedLesson } from './support/checked-lesson';

type SourceLine = { file: string; line: number; text: string; links: string[] };

/** A lesson's prose joined per source line (a paragraph or list item is one line in these files). */
function linesOf(lesson: CheckedLesson): SourceLine[] {
  const byLine = new Map<number, SourceLine>();
  const at = (line: number) => byLine.get(line) ?? byLine.set(line, { file: lesson.file, line, text: '', links: [] }).get(line)!;
  lesson.model.prose.forEach(({ text, line }) => (at(line).text += text));
  lesson.model.links.forEach(({ url, line }) => at(line).links.push(url));
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

type Finding = {
  item: string;
  /** Lesson slugs the rule reads; every lesson when absent. */
  lessons?: string[];
  /** A line matching this is a finding come back... */
  wrong: RegExp;
  /** ...unless it also matches this (the claim is attributed or scoped right). */
  unless?: RegExp;
};

// Items 1 to 3 are browser claims that the engines themselves check (content/browser-facts.yaml,
// tests/browser/browser-facts.test.ts); these rules keep the lessons' own sentences about them from
// falling back to "browsers" or to one engine's behaviour.
const BOTH_ENGINES = /(?=[\s\S]*Chromium)(?=[\s\S]*Firefox)/;
/** Item 3: fetch resolving on a 407 as on a 401 and a 403 (it rejects in Chromium and Node 20). */
const RESOLVES_ON_407 = /resolves? on 401, 403,? (and|or) 407/i;

const findings: Finding[] = [
  { item: '1: Firefox hands a 407 from a server that is not the proxy to the page', wrong: /Firefox (refuses|rejects|blocks) (it|the 407|such a 407|the response)\b/i },
  {
    item: '2: "a page never sees a 407" is Chromium only: say which engine does what',
    wrong: /\b(pages?|scripts?|fetch) (never|cannot|can't) (sees?|gets?|reads?) (a|the|any) (real )?407|browsers? never hands? a 407/i,
    unless: BOTH_ENGINES,
  },
  { item: '3: fetch rejects on a 407 in Chromium and Node 20', wrong: RESOLVES_ON_407 },
  { item: '6: offering MD5 after SHA-256 warns about last-challenge clients', lessons: ['digest-authentication'], wrong: /offer MD5 too/i, unless: /last challenge/ },
  { item: 'Headers.get joins lines in Chromium; Firefox returns null', wrong: /\b(in a|in any|every) browser,? `?(response\.)?headers\.get/i },
  { item: '4: the "Basic first" advice is the Note in RFC 9110 §11.3', wrong: /listing a well-supported scheme/, unless: /rfc9110#section-11\.3\b/ },
  { item: '7: caches do not cause a 401 unless it was marked cacheable', lessons: ['troubleshooting-401'], wrong: /^Caches\.|and caches are\./ },
  { item: '8: "the password was right" is RFC 2617\'s stale=true, not RFC 7616\'s', wrong: /^(?=.*stale)(?=.*(password|response|answer) (was|is) (right|fine|otherwise right))/is, unless: /2617/ },
  { item: '9: empty list elements: accept on receipt, never send', lessons: ['anatomy-of-a-401'], wrong: /All of these are valid/ },
  { item: '9: the empty-elements section says a sender MUST NOT generate them', lessons: ['anatomy-of-a-401'], wrong: /parse and ignore a reasonable number/, unless: /MUST NOT generate/ },
  { item: '10: realm is not part of every challenge (optional for Bearer, absent from Negotiate/NTLM)', wrong: /carries its own .?realm|Send at least .?realm.?,/i },
  { item: 'nit 02: nothing, not even a comma, follows a token68 in credentials', lessons: ['anatomy-of-a-401'], wrong: /Anything after it other than a comma/ },
  { item: 'nit 02: an empty WWW-Authenticate on a 401 breaks RFC 9110 §15.5.2', lessons: ['anatomy-of-a-401'], wrong: /empty WWW-Authenticate.? on a 401/i, unless: /rfc9110#section-15\.5\.2\b/ },
  { item: 'nit 03: RFC 7617 §4 quoted, not RFC 2617\'s "unless ... TLS"', lessons: ['basic-authentication'], wrong: /unless used (together|in conjunction) with/ },
  { item: 'nit 03: reuse is scoped by the URI of the authenticated request', lessons: ['basic-authentication'], wrong: /URL that was challenged|challenged URL/ },
  { item: 'nit 04: a token in the query gets 400 by the sandbox\'s choice', lessons: ['bearer-tokens'], wrong: /refuses a token in the query/, unless: /not an RFC rule/ },
  { item: 'nit 04: RFC 6749 §2.3.1 form-urlencodes the client id and secret', lessons: ['bearer-tokens'], wrong: /client id and secret as user-id and password/, unless: /form-urlencoded/ },
  { item: 'nit 05: the Digest algorithm registry is RFC 7616 §6.1', lessons: ['digest-authentication'], wrong: /hash functions are registered/, unless: /rfc7616#section-6\.1\b/ },
  { item: 'nit 05: -sess as RFC 7616 §3.4.2 gives it', lessons: ['digest-authentication'], wrong: /without giving them H\(A1\)/ },
  { item: 'nit 05: missing parameters are RFC 7616 §3.4, a uri mismatch §3.4.6', lessons: ['digest-authentication'], wrong: /missing required parameters/, unless: /rfc7616#section-3\.4\b(?!\.)/ },
  { item: 'nit 06: RFC 9110 §15.5.4 says only "considers them insufficient"', lessons: ['forbidden-403'], wrong: /found genuine/, unless: /does not promise/ },
  { item: 'nit 07: proxy credentials on every request because authentication is per request', lessons: ['proxies-and-407'], wrong: /since each copy is consumed/ },
  { item: 'nit 12: the 429 SHOULD/MAY is RFC 6585 §4', lessons: ['securing-authentication'], wrong: /MAY say how long to wait in Retry-After(?! \(RFC 6585 §4\))/ },
];

const lessons = readCheckedLessons();

describe('issue 15 review findings stay fixed', () => {
  test.each(findings.map((finding) => [finding.item, finding] as const))('%s', (_item, finding) => {
    const read = lessons.filter((lesson) => finding.lessons === undefined || finding.lessons.includes(lesson.slug));
    expect(read.length).toBe(finding.lessons?.length ?? lessons.length);
    const hits = read
      .flatMap(linesOf)
      .filter(({ text, links }) => finding.wrong.test(text) && !(finding.unless?.test(`${text} ${links.join(' ')}`) ?? false))
      .map(({ file, line, text }) => `${file}:${line}: ${text.slice(0, 160)}`);
    expect(hits).toEqual([]);
  });

  test('3: no lesson summary, "in short" line or objective says fetch resolves on a 407', () => {
    const wrong = lessons
      .map((lesson) => ({ file: lesson.file, yaml: lesson.model.frontmatter.kind === 'yaml' ? lesson.model.frontmatter.yaml : '' }))
      .filter(({ yaml }) => RESOLVES_ON_407.test(yaml))
      .map(({ file }) => file);
    expect(wrong).toEqual([]);
  });

  test('8: the troubleshooter attributes "the password was right" to RFC 2617 too', () => {
    const causes = loadTroubleshootingTree()
      .nodes.map((node) => ('cause' in node ? `${node.id}: ${node.cause}` : ''))
      .filter(Boolean);
    expect(causes.length).toBeGreaterThan(10);
    const wrong = causes.filter((text) => /password (was|is) (right|fine)/i.test(text) && !/2617/.test(text));
    expect(wrong).toEqual([]);
  });
});
