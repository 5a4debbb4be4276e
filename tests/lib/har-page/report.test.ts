import fs from 'node:fs';
import path from 'node:path';
import { analyseRecording } from '@/lib/har';
import { MAX_SHARE_URL_LENGTH, reportFromFragment, reportOf, shareLink } from '@/components/har/report';
import { reportMarkdown } from '@/components/har/report-markdown';
import { rfcLink } from '@/components/har/rfc-link';

// The report a reader hands on from the traffic page: Markdown and a link whose data is only in the fragment.

const PAGE = 'https://lab.example/troubleshoot/traffic';

function analysed(name: string) {
  const { analysis } = analyseRecording(fs.readFileSync(path.join(__dirname, '../../fixtures/har', name)));
  if (analysis.kind !== 'analysed') throw new Error(analysis.message);
  return analysis;
}

describe('the share link', () => {
  test('carries the redacted report in the fragment only, and opens to the same report', async () => {
    const report = reportOf(analysed('chromium-lab.har'));
    const link = await shareLink(report, `${PAGE}#old`);
    if (link.kind !== 'link') throw new Error('expected a link');
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(PAGE);
    expect(url.hash).toMatch(/^#report=[A-Za-z0-9_-]+$/);
    expect(await reportFromFragment(url.hash)).toEqual({ kind: 'report', report: JSON.parse(JSON.stringify(report)) });
  });

  test('keeps the Fetch standard steps a finding cites, and the Markdown links them', async () => {
    const report = reportOf(analysed('chromium-mistakes.har'));
    const dropped = report.diagnoses.find((d) => d.rule === 'authorization-dropped-on-redirect');
    expect(dropped?.fetch?.length).toBeGreaterThan(0);
    const link = await shareLink(report, PAGE);
    if (link.kind !== 'link') throw new Error('expected a link');
    const opened = await reportFromFragment(new URL(link.url).hash);
    if (opened.kind !== 'report') throw new Error('expected a report');
    expect(opened.report.diagnoses.find((d) => d.rule === 'authorization-dropped-on-redirect')?.fetch).toEqual(dropped?.fetch);
    const { anchor, name } = dropped?.fetch?.[0] ?? { anchor: '', name: '' };
    expect(reportMarkdown(report)).toContain(`[Fetch: ${name}](https://fetch.spec.whatwg.org/#${anchor})`);
  });

  test('deflate-raw makes it much shorter than the JSON it holds', async () => {
    const report = reportOf(analysed('firefox-bidi.har'));
    const link = await shareLink(report, PAGE);
    if (link.kind !== 'link') throw new Error('expected a link');
    expect(link.url.length).toBeLessThan(JSON.stringify(report).length / 2);
  });

  test('holds no secret and no vault: only what the page showed', async () => {
    const { analysis } = analyseRecording(fs.readFileSync(path.join(__dirname, '../../fixtures/har/chromium-lab.har')));
    if (analysis.kind !== 'analysed') throw new Error(analysis.message);
    const link = await shareLink(reportOf(analysis), PAGE);
    if (link.kind !== 'link') throw new Error('expected a link');
    const opened = await reportFromFragment(new URL(link.url).hash);
    const text = JSON.stringify(opened);
    expect(text).not.toContain('wonderland');
    expect(text).not.toContain('YWxpY2U6d29uZGVybGFuZA');
    expect(text).toContain('[redacted #1:');
  });

  test('a report too large for a link says so instead of making one', async () => {
    const report = reportOf(analysed('chromium-lab.har'));
    // Incompressible text (random hex) in the warnings: what a recording with many long distinct URLs gives.
    const noise = Array.from({ length: 4000 }, () => ({ where: crypto.randomUUID(), message: crypto.randomUUID() + crypto.randomUUID() }));
    const link = await shareLink({ ...report, warnings: noise }, PAGE);
    expect(link).toEqual({ kind: 'too-large', length: expect.any(Number), limit: MAX_SHARE_URL_LENGTH });
    if (link.kind === 'too-large') expect(link.length).toBeGreaterThan(MAX_SHARE_URL_LENGTH);
  });

  test('a cut or foreign fragment opens nothing, with a reason', async () => {
    const link = await shareLink(reportOf(analysed('chromium-lab.har')), PAGE);
    if (link.kind !== 'link') throw new Error('expected a link');
    const cut = link.url.slice(0, link.url.length - 40);
    expect(await reportFromFragment(new URL(cut).hash)).toEqual({ kind: 'broken', message: expect.stringMatching(/cut or damaged/) });
    expect(await reportFromFragment('#report=')).toEqual({ kind: 'broken', message: expect.any(String) });
    expect(await reportFromFragment('#conversation-1-attempt-1-heading')).toEqual({ kind: 'none' });
    expect(await reportFromFragment('')).toEqual({ kind: 'none' });
  });
});

describe('the Markdown report', () => {
  test('leads with the diagnosis, then each conversation redacted, in fences a body cannot close', () => {
    const { analysis } = analyseRecording(
      [
        '> GET /orders HTTP/1.1',
        '> Host: api.example',
        '> Authorization: Bearer sk_live_abcdefghijklmnop1234',
        '>',
        '< HTTP/1.1 401 Unauthorized',
        '< X-Note: ```',
        '<',
      ].join('\n'),
    );
    if (analysis.kind !== 'analysed') throw new Error(analysis.message);
    const markdown = reportMarkdown(reportOf(analysis));
    expect(markdown.indexOf('## Diagnosis')).toBeLessThan(markdown.indexOf('## Conversations'));
    expect(markdown).toContain('### Problem: A 401 without WWW-Authenticate');
    expect(markdown).toContain('[RFC 9110 §15.5.2](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2)');
    expect(markdown).toContain('Authorization: Bearer [redacted #1: token of 28 characters]');
    expect(markdown).not.toContain('sk_live');
    expect(markdown).toContain('````http\n');
  });

  test('RFC citations become rfc-editor.org links', () => {
    expect(rfcLink('RFC 9110 §11.6.1')).toBe('https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1');
    expect(rfcLink('RFC 6750 §3')).toBe('https://www.rfc-editor.org/rfc/rfc6750#section-3');
    expect(rfcLink('RFC 7617')).toBe('https://www.rfc-editor.org/rfc/rfc7617');
    expect(rfcLink('the Fetch standard')).toBeUndefined();
  });
});
