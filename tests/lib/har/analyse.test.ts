import fs from 'node:fs';
import path from 'node:path';
import { analyseRecording, placeholderIds } from '@/lib/har';

// The worker's one call: read, redact, group; the analysis is safe to post, the vault answers reveals.

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/har', name));

describe('analyseRecording', () => {
  test("Firefox's HAR as bytes: conversations out, no secret in what would be posted, a value revealed on request", () => {
    const phases: string[] = [];
    const { analysis, vault } = analyseRecording(fixture('firefox-handwritten.har'), {
      onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`),
    });
    if (analysis.kind !== 'analysed') throw new Error(analysis.message);
    expect(analysis.source.creator).toBe('Firefox');
    expect(analysis.conversations).toHaveLength(1);
    expect(phases).toEqual(['reading 5/5', 'redacting 5/5']);
    // What crosses to the page is what postMessage's structured clone keeps: all of it, and no secret.
    expect(structuredClone(analysis)).toEqual(analysis);
    const posted = JSON.stringify(analysis);
    expect(posted).not.toMatch(/wonderland|YWxpY2U6d29uZGVybGFuZA/);
    const basic = analysis.exchanges[2]?.request.headers.find(([name]) => name === 'Authorization')?.[1] ?? '';
    expect(vault.reveal(placeholderIds(basic)[0] ?? '')).toBe(`Basic ${btoa('alice:wonderland')}`);
  });

  test('curl -v text, and a file that is neither, answered in words', () => {
    const curl = analyseRecording(fixture('curl-digest.txt').toString('utf8'));
    expect(curl.analysis.kind === 'analysed' && curl.analysis.conversations[0]?.hops.length).toBe(2);
    const png = analyseRecording(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a));
    expect(png.analysis).toMatchObject({ kind: 'unreadable', format: 'unknown', message: expect.stringMatching(/neither a HAR file nor curl -v output/) });
  });
});
