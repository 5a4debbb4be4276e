import path from 'node:path';
import { loadLessons } from '@/lib/content/lessons';
import { findRfcSection } from '@/lib/content/rfc-sections';
import { loadTroubleshootingTree, TROUBLESHOOTING_TREE } from '@/lib/content/troubleshooting-tree';
import { citationUrl, lessonHref, tryHref, type LeafNode, type TroubleTree } from '@/lib/content/troubleshooting-types';
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
        : [node.title, node.cause, node.fix, node.lesson.label, node.tryIt.kind === 'preset' ? '' : node.tryIt.label],
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

describe('the tree file is checked when it is loaded', () => {
  const dir = 'tests/fixtures/content/troubleshooter';
  const load = (name: string) => () => loadTroubleshootingTree(path.join(process.cwd(), dir, name));

  test('the lab’s tree comes from content/troubleshooter.yaml: questions first, then causes', () => {
    expect(loadTroubleshootingTree()).toEqual(tree);
    expect(tree.root).toBe('status');
    const kinds = tree.nodes.map((node) => node.kind);
    expect(kinds.indexOf('leaf')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('leaf'))).not.toContain('question');
  });

  test('a value that breaks the schema is refused, naming the file, the line, the path and the entry', () => {
    expect(load('bad-values.yaml')).toThrow(
      [
        `${dir}/bad-values.yaml does not match its schema:`,
        `  ${dir}/bad-values.yaml:11: questions[0].answers[1].next (in "status"): must be a kebab-case id such as "wrong-scheme"`,
        `  ${dir}/bad-values.yaml:19: causes[0].citations[0].section (in "missing-credentials"): must be a quoted string such as "15.1": unquoted, YAML reads a number`,
        `  ${dir}/bad-values.yaml:23: causes[1].fix (in "forbidden-by-role"): is missing`,
        `  ${dir}/bad-values.yaml:28: causes[1].citations[0].kind (in "forbidden-by-role"): Invalid discriminator value. Expected 'rfc' | 'fetch'`,
        `  ${dir}/bad-values.yaml:25: causes[1] (in "forbidden-by-role"): Unrecognized key: "notTheCuase"`,
      ].join('\n'),
    );
  });

  test('a file that is not YAML is refused with the parser’s line', () => {
    expect(load('broken-yaml.yaml')).toThrow(`${dir}/broken-yaml.yaml:4: not valid YAML: Nested mappings are not allowed in compact mappings`);
  });

  test('valid values that do not make a walkable tree, or cite a section no RFC table lists, are refused', () => {
    expect(load('bad-tree.yaml')).toThrow(
      [
        `${dir}/bad-tree.yaml is not a well-formed tree:`,
        '  Answer "403 Forbidden" of "status" leads to no node "forbidden-by-role".',
        '  Node "server-error-5xx" cannot be reached from the root.',
        '  Cause "missing-credentials" cites RFC 9110 §99.1, which content/rfc/rfc9110.json does not list.',
      ].join('\n'),
    );
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
    else if (node.tryIt.kind === 'explain') expect(tryHref(node.tryIt)).toBe('/troubleshoot#explain');
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
