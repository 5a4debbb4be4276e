import { fromHtml } from 'hast-util-from-html';
import { selectAll } from './support/select';
import { staticCopy } from '@/lib/export/static-copy';

// The embed page as the server renders it, cut down to one of each thing the copy must handle.
const PAGE = `<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><meta name="next-size-adjust" content="">
<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next">
<link rel="preload" as="script" href="/_next/static/chunks/app.js">
<link rel="canonical" href="http://localhost:3000/lessons/x">
<script>(function(){var m=matchMedia('(prefers-color-scheme: dark)')})()</script>
<script src="/_next/static/chunks/main.js" async></script>
<title>Lesson</title></head><body>
<main>
<p>See <a href="/playground?p=1">the playground</a>, <a href="#note-1">note 1</a> and <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a>.</p>
<button type="button">Embed</button>
<div data-quiz=""><button type="button">Check</button></div>
<div data-exchange-input=""><button type="button" data-live-run="">Run it live</button><p role="status">Not run yet.</p></div>
<button type="button" data-live-run="">Run it live (not in a Try it)</button>
<figure><pre><code>curl <span data-lab-origin="">http://localhost:3000</span>/api/sandbox/basic</code></pre><button type="button" data-copy-button="">Copy</button></figure>
<pre><code>GET /api/sandbox/basic HTTP/1.1
Host: <span data-lab-host="">localhost:3000</span></code></pre>
<figure><p>No code here</p><button type="button" data-copy-button="">Copy</button></figure>
<div data-export-drop=""><button type="button">Step 1</button></div>
<details data-export-open=""><summary>In depth</summary><p>Folded.</p></details>
<details><summary>Stays folded</summary></details>
</main>
<script>self.__next_f.push([1,"prefers-color-scheme"])</script>
</body></html>`;

const LAB = 'https://lab.example.org';
const copy = staticCopy(PAGE, LAB, '2026-12-06');
const tree = fromHtml(copy.html);
const texts = (selector: string) => selectAll(tree, selector).map((node) => node.text);

describe('the static copy of an embed page', () => {
  test('collects the stylesheets to inline and keeps no link to the site but its own lesson.css', () => {
    expect(copy.stylesheets).toEqual(['/_next/static/chunks/site.css']);
    expect(selectAll(tree, 'link').map((node) => node.attributes.href)).toEqual(['lesson.css']);
  });

  test('keeps only the theme script in the head and adds the package scripts at the end of the body', () => {
    const scripts = selectAll(tree, 'script');
    expect(scripts[0]?.text).toContain('prefers-color-scheme');
    expect(scripts[0]?.parent).toBe('head');
    expect(scripts.slice(1).map((node) => [node.attributes.id ?? node.attributes.src, node.parent])).toEqual([
      ['quiz-models', 'body'],
      ['scorm-lesson.js', 'body'],
      ['lab-live.js', 'body'],
    ]);
    expect(selectAll(tree, 'meta').map((node) => node.attributes.name ?? 'charset')).toEqual(['charset', 'lab-origin', 'exported-on']);
  });

  test('keeps the quiz, Run it live and Copy buttons, drops the rest and what is marked to drop', () => {
    expect(texts('button')).toEqual(['Check', 'Run it live', 'Copy']);
  });

  test('says which transcript a Try it shows, and names the lab in commands and in Host fields', () => {
    expect(texts('[role=status]')).toEqual(['Recorded when this lesson was exported on 2026-12-06.']);
    expect(texts('[data-lab-origin]')).toEqual([LAB]);
    expect(texts('[data-lab-host]')).toEqual(['lab.example.org']);
    expect(selectAll(tree, 'meta').find((node) => node.attributes.name === 'lab-origin')?.attributes.content).toBe(LAB);
  });

  test('links open the lab in a new tab; in-page links stay', () => {
    expect(selectAll(tree, 'a').map((node) => [node.attributes.href, node.attributes.target ?? null])).toEqual([
      [`${LAB}/playground?p=1`, '_blank'],
      ['#note-1', null],
      ['https://www.rfc-editor.org/rfc/rfc9110', '_blank'],
    ]);
  });

  test('opens folded material marked for it and leaves other folds closed', () => {
    expect(selectAll(tree, 'details').map((node) => 'open' in node.attributes)).toEqual([true, false]);
  });

  test('starts with a doctype; a fragment still gets a head and a body, as a browser parses it', () => {
    expect(copy.html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    // The parser supplies <head> and <body> as browsers do, so even a fragment gets them.
    expect(() => staticCopy('<p>fragment</p>', LAB, '2026-12-06')).not.toThrow();
  });
});
