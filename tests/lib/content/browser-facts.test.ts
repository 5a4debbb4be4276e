import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_FACTS, loadBrowserFacts, outcomeText } from '@/lib/content/browser-facts';
import { ContentDataError } from '@/lib/content/data-file';
import { browserFactsModel } from '@/lib/content/widgets/browser-facts';
import { WidgetPropsError } from '@/lib/content/widgets/props';

/** A browser-facts file with `yaml` as its text, loaded (and removed again). */
function loadText(yaml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-facts-'));
  const file = path.join(dir, 'browser-facts.yaml');
  fs.writeFileSync(file, yaml);
  try {
    return loadBrowserFacts(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const FACT_407 = `facts:
  - id: fetch-407
    kind: fetch-status
    question: a 407
    probe: { path: /api/sandbox/proxy }
    chromium: { kind: rejects, message: Failed to fetch, networkError: net::ERR_UNEXPECTED_PROXY_AUTH }
    firefox: { kind: resolves, status: 407 }
    node: { kind: rejects, message: fetch failed }
`;

describe('content/browser-facts.yaml', () => {
  test('loads, and every fact has a sentence for both engines', () => {
    expect(BROWSER_FACTS.length).toBeGreaterThan(0);
    for (const fact of BROWSER_FACTS) {
      expect(outcomeText(fact, 'chromium')).toEqual(expect.any(String));
      expect(outcomeText(fact, 'firefox')).toEqual(expect.any(String));
    }
  });

  test('a fact whose outcome has the wrong shape for its kind is refused with the file, line, fact and field', () => {
    const broken = FACT_407.replace('firefox: { kind: resolves, status: 407 }', 'firefox: { prompts: false }');
    expect(() => loadText(broken)).toThrow(ContentDataError);
    expect(() => loadText(broken)).toThrow(/browser-facts\.yaml:7: facts\[0\]\.firefox\.kind \(in "fetch-407"\)/);
  });

  test('a probe path outside the lab, and a repeated id, are refused', () => {
    expect(() => loadText(FACT_407.replace('/api/sandbox/proxy', 'https://example.com/'))).toThrow(/probe\.path.*must be a sandbox path/);
    const twice = FACT_407 + FACT_407.replace('facts:\n', '');
    expect(() => loadText(twice)).toThrow(/facts\[1\]\.id.*"fetch-407" is used by an earlier fact/);
  });
});

describe('<BrowserFacts> props', () => {
  const facts = loadText(FACT_407);

  test('a row per fact; the sentences come from the recorded outcomes; Node gets a column for fetch-status facts', () => {
    const model = browserFactsModel({ caption: 'A 407', ids: ['fetch-407'] }, facts);
    expect(model.clients.map((client) => client.name)).toEqual(['Chromium', 'Firefox', 'Node.js fetch']);
    const [row] = model.rows;
    expect(row?.differ).toBe(true);
    expect(row?.cells.map((cell) => cell.map((segment) => segment.text).join(''))).toEqual([
      'fetch rejects with TypeError: Failed to fetch; the request fails with net::ERR_UNEXPECTED_PROXY_AUTH.',
      'fetch resolves with the 407 response: the page reads its status and body.',
      'fetch rejects with TypeError: fetch failed.',
    ]);
  });

  test('an unknown id fails the build naming the widget, the id and the ids there are', () => {
    const render = () => browserFactsModel({ caption: 'A 407', ids: ['fetch-408'] }, facts);
    expect(render).toThrow(WidgetPropsError);
    expect(render).toThrow('<BrowserFacts caption="A 407"> has invalid props:\n  ids.0: no fact "fetch-408" in content/browser-facts.yaml (its ids: fetch-407)');
  });

  test('missing ids and unknown props are refused', () => {
    expect(() => browserFactsModel({ caption: 'x', ids: [] }, facts)).toThrow(/ids: needs at least one fact id/);
    expect(() => browserFactsModel({ caption: 'x', ids: ['fetch-407'], engine: 'chromium' }, facts)).toThrow(/Unrecognized key/);
  });
});
