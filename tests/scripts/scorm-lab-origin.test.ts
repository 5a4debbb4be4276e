/** @jest-environment node */
import { scormLabOrigin } from '../../scripts/export/lab-origin';

// The lab a SCORM package calls and links to stays in every learner's copy, so the exporter never
// guesses a localhost one: the trainer names the lab, with --lab or SITE_URL.

describe('scormLabOrigin', () => {
  test('with neither --lab nor SITE_URL it refuses, naming both', () => {
    const choice = scormLabOrigin(undefined, undefined);
    expect(choice.kind).toBe('refused');
    if (choice.kind === 'refused') expect(choice.reason).toMatch(/SITE_URL.*--lab/s);
  });

  test('SITE_URL names the lab: its origin, no warning', () => {
    expect(scormLabOrigin(undefined, 'https://lab.example.org/some/path')).toEqual({ kind: 'lab', origin: 'https://lab.example.org' });
  });

  test('--lab wins over SITE_URL, and a localhost one is taken when asked for', () => {
    expect(scormLabOrigin('http://localhost:3000', 'https://lab.example.org')).toEqual({ kind: 'lab', origin: 'http://localhost:3000' });
    expect(scormLabOrigin('http://127.0.0.1:4000/', undefined)).toEqual({ kind: 'lab', origin: 'http://127.0.0.1:4000' });
  });

  test('SITE_URL set to this machine is allowed, with a loud warning', () => {
    const choice = scormLabOrigin(undefined, 'http://localhost:3000');
    expect(choice).toMatchObject({ kind: 'lab', origin: 'http://localhost:3000' });
    expect(choice.kind === 'lab' && choice.warning).toContain('localhost');
  });

  test.each([
    ['--lab', 'lab.example.org', undefined],
    ['--lab', 'ftp://lab.example.org', undefined],
    ['SITE_URL', undefined, 'not a url'],
  ])('a %s that is not an http(s) origin is refused', (_what, lab, siteUrl) => {
    expect(scormLabOrigin(lab, siteUrl).kind).toBe('refused');
  });
});
