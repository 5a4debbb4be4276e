import { loadLessons } from '@/lib/content/lessons';
import { findRfcSection } from '@/lib/content/rfc-sections';
import { TROUBLESHOOTING_TREE, citationUrl, lessonHref, tryHref, type LeafNode, type TroubleTree } from '@/lib/content/troubleshooting-tree';
import { choicesFor, treeProblems, walk, walkReducer } from '@/lib/content/troubleshooting-walk';
import { decodeState } from '@/lib/playground/url-state';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { inlineSegments } from '@/lib/content/widgets/inline-code';

const tree = TROUBLESHOOTING_TREE;
const leaves = tree.nodes.filter((node): node is LeafNode => node.kind === 'leaf');

// The slugs fixed by the lesson plan (issue 6), so a leaf can link to a lesson before it is written.
const COURSE_SLUGS = [
  'authentication-vs-authorization', 'anatomy-of-a-401', 'basic-authentication', 'bearer-tokens', 'digest-authentication',
  'forbidden-403', 'proxies-and-407', 'several-challenges', 'browsers-and-401', 'troubleshooting-401',
  'handling-401-403-in-code', 'securing-authentication',
];

describe('the troubleshooting tree is well formed', () => {
  test('no dangling answers, unreachable nodes, cycles or causes without a fix and a citation', () => {
    expect(treeProblems(tree)).toEqual([]);
  });

  const leaf = (id: string): LeafNode => ({ ...(leaves[0] as LeafNode), id });
  const question = (id: string, ...next: string[]) => ({ kind: 'question' as const, id, prompt: id, answers: next.map((n) => ({ label: n, next: n })) });

  test.each<[string, TroubleTree, string]>([
    ['a cycle', { root: 'a', nodes: [question('a', 'b', 'x'), question('b', 'a', 'x'), leaf('x')] }, 'Cycle: a → b → a.'],
    ['a dangling answer', { root: 'a', nodes: [question('a', 'x', 'nowhere'), leaf('x')] }, 'leads to no node "nowhere"'],
    ['an unreachable node', { root: 'a', nodes: [question('a', 'x', 'y'), leaf('x'), leaf('y'), leaf('z')] }, 'Node "z" cannot be reached'],
    ['a cause without a citation', { root: 'a', nodes: [question('a', 'x', 'y'), { ...leaf('x'), citations: [] }, leaf('y')] }, 'Cause "x" lacks'],
    ['a question with one answer', { root: 'a', nodes: [question('a', 'x'), leaf('x')] }, 'fewer than two answers'],
  ])('the check finds %s', (_name, broken, problem) => {
    expect(treeProblems(broken).join('\n')).toContain(problem);
  });

  test('every text closes its `code` spans', () => {
    const texts = tree.nodes.flatMap((node) =>
      node.kind === 'question'
        ? [node.prompt, node.hint ?? '', ...node.answers.map((answer) => answer.label)]
        : [node.title, node.cause, node.fix, node.lesson.label, node.tryIt.kind === 'playground' ? node.tryIt.label : ''],
    );
    for (const text of texts) expect(() => inlineSegments(text)).not.toThrow();
  });

  test('it covers every cause the troubleshooting lesson must teach', () => {
    expect(leaves.map((node) => node.id)).toEqual(
      expect.arrayContaining([
        'missing-credentials', 'wrong-credentials', 'invalid-token', 'wrong-scheme', 'lowercase-scheme', 'server-error-5xx',
        'cookie-login', 'cached-401', 'cached-authenticated', 'redirect-dropped-authorization', 'cors-preflight-401',
        'user-id-colon', 'utf8-vs-latin1', 'insufficient-scope', 'malformed-400', 'proxy-407',
      ]),
    );
    expect(tree.nodes.find((node) => node.id === 'lowercase-scheme')).toMatchObject({ notTheCause: true });
  });
});

describe('every cause points somewhere real', () => {
  const lessons = loadLessons();

  test.each(leaves.map((node) => [node.id, node] as const))('%s', (_id, node) => {
    for (const citation of node.citations) {
      if (citation.kind === 'rfc') expect([citation, findRfcSection(citation.rfc, citation.section)]).toEqual([citation, expect.any(String)]);
    }
    for (const citation of node.citations) expect(citationUrl(citation)).toMatch(/^https:\/\/(www\.rfc-editor\.org\/rfc\/rfc\d{4}#section-\d+(\.\d+)*|fetch\.spec\.whatwg\.org\/#[a-z-]+)$/);
    expect(COURSE_SLUGS).toContain(node.lesson.slug);
    const written = lessons.find((lesson) => lesson.slug === node.lesson.slug);
    if (node.lesson.anchor !== undefined) {
      // An anchor only into a lesson that exists, and it must name one of its headings.
      expect(written?.toc.map((entry) => entry.id)).toContain(node.lesson.anchor);
    }
    expect(lessonHref(node.lesson)).toMatch(/^\/lessons\/[a-z0-9-]+(#[a-z0-9-]+)?$/);
    if (node.tryIt.kind === 'preset') expect(findPreset(node.tryIt.preset)).toBeDefined();
    else expect(decodeState(tryHref(node.tryIt).replace(/^\/playground\??/, '')).problems).toEqual([]);
  });
});

describe('walking the tree', () => {
  test.each<[string[], string]>([
    [['401 Unauthorized', 'Yes, with at least one challenge', 'curl, a script or a server-side client', 'No'], 'missing-credentials'],
    [['401 Unauthorized', 'No, there is no `WWW-Authenticate`'], 'no-challenge'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'curl, a script or a server-side client', 'Yes', 'Exactly the same scheme', 'Bearer', '`error="invalid_token"`'], 'invalid-token'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'curl, a script or a server-side client', 'Yes', 'The same word in different letter case (`basic` and `Basic`)'], 'lowercase-scheme'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'curl, a script or a server-side client', 'Yes', 'Exactly the same scheme', 'Basic', 'A colon (`:`) in the user name'], 'user-id-colon'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'curl, a script or a server-side client', 'Yes', 'Exactly the same scheme', 'Basic', 'Non-ASCII characters such as `é`, `ö` or `£`'], 'utf8-vs-latin1'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'A web page in a browser (fetch, a form, a link)', 'An `OPTIONS` request (the CORS preflight) before the real one'], 'cors-preflight-401'],
    [['401 Unauthorized', 'Yes, with at least one challenge', 'A web page in a browser (fetch, a form, a link)', 'The request after a redirect to another origin'], 'redirect-dropped-authorization'],
    [['403 Forbidden', 'Yes'], 'insufficient-scope'],
    [['403 Forbidden', 'No'], 'forbidden-by-role'],
    [['407 Proxy Authentication Required'], 'proxy-407'],
    [['400 Bad Request', 'The syntax of `Authorization`, or `error="invalid_request"`'], 'malformed-400'],
    [['400 Bad Request', 'Basic credentials whose bytes are not UTF-8'], 'utf8-vs-latin1'],
    [['A 5xx such as 500 or 503'], 'server-error-5xx'],
  ])('%j ends at %s', (labels, expected) => {
    const { current, steps } = walk(tree, choicesFor(tree, labels));
    expect(current.id).toBe(expected);
    expect(steps.map((step) => step.answer.label)).toEqual(labels);
  });

  test('an answer the question does not have ends the walk where it stands', () => {
    expect(walk(tree, [99]).current.id).toBe(tree.root);
    expect(walk(tree, [...choicesFor(tree, ['407 Proxy Authentication Required']), 0]).current.id).toBe('proxy-407');
  });

  test('back, start over and return to a step', () => {
    const path = choicesFor(tree, ['403 Forbidden', 'Yes']);
    expect(walk(tree, walkReducer(path, { kind: 'back' })).current.id).toBe('forbidden-scope');
    expect(walkReducer(path, { kind: 'start-over' })).toEqual([]);
    expect(walkReducer(path, { kind: 'return-to', step: 1 })).toEqual(path.slice(0, 1));
    expect(walkReducer([], { kind: 'back' })).toEqual([]);
    expect(walkReducer([2], { kind: 'answer', choice: 0 })).toEqual([2, 0]);
  });
});
