/** @jest-environment node */
// The server's handout printer when it cannot print: no Chromium, a "Chromium" that will not start, and
// more requests than it lets wait. Printing itself is tested in Chromium (tests/browser/export-pdf.test.ts).
import path from 'node:path';
import { createHandoutPrinter, NO_CHROMIUM_DETAIL } from '@/lib/export/handout-printer';

const PRINT = { base: 'http://127.0.0.1:9', lab: 'https://lab.example.edu', slug: 'bearer-tokens', edition: 'full' } as const;

describe('the handout printer', () => {
  test('no Chromium at the configured path: says so, and launches nothing', async () => {
    const printer = createHandoutPrinter({ executablePath: path.join(__dirname, 'no-such-chromium') });
    expect(printer.available()).toBe(false);
    expect(await printer.print(PRINT)).toEqual({ kind: 'no-chromium', detail: NO_CHROMIUM_DETAIL });
  });

  test('a Chromium that will not start: says that, with the first line of why', async () => {
    // Node is an executable file, but not a browser: it refuses Chromium's flags and exits.
    const printer = createHandoutPrinter({ executablePath: process.execPath });
    expect(printer.available()).toBe(true);
    const outcome = await printer.print(PRINT);
    expect(outcome.kind).toBe('no-chromium');
    expect(outcome.kind === 'no-chromium' && outcome.detail).toMatch(/^Chromium would not start: [^\n]+$/);
    await printer.close();
  }, 30_000);

  test('one print at a time: beyond the ones allowed to wait, a request is turned away at once', async () => {
    const printer = createHandoutPrinter({ executablePath: process.execPath, maxWaiting: 1 });
    const first = printer.print(PRINT);
    expect(await printer.print({ ...PRINT, edition: 'short' })).toEqual({ kind: 'busy', detail: expect.stringMatching(/^The printer is busy/) });
    expect((await first).kind).toBe('no-chromium');
    // Once the first is done, there is room again.
    expect((await printer.print({ ...PRINT, edition: 'short' })).kind).toBe('no-chromium');
    await printer.close();
  }, 30_000);
});
