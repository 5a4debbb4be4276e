import path from 'node:path';
import { validateFrontmatter } from '@/lib/content/frontmatter';
import { LessonContentError } from '@/lib/content/lesson-content-error';
import { readLessonFile, readLessonModel } from '@/lib/content/lesson-model';

const FIXTURES = path.join(__dirname, '../../fixtures/content/frontmatter');

function check(file: string, fileOrder?: number) {
  return validateFrontmatter(file, readLessonFile(path.join(FIXTURES, file)).frontmatter, fileOrder);
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (caught) {
    expect(caught).toBeInstanceOf(LessonContentError);
    return caught as Error;
  }
  throw new Error('expected a LessonContentError');
}

const VALID = {
  title: 'Valid lesson',
  summary: 'A fixture lesson used by the content tests, long enough to pass.',
  inShort: ['A 401 asks who you are, with a challenge to answer.', 'A 403 says the server knows you and refuses.', 'A 407 is a proxy asking who you are.'],
  picture: 'basic-missing-credentials',
  order: 1,
  minutes: 10,
  objectives: ['Tell a 401 from a 403 on the wire.'],
  statusCodes: [401, 403],
  presets: ['basic-missing-credentials'],
};

describe('lesson frontmatter', () => {
  test('a complete frontmatter is accepted and typed', () => {
    expect(check('valid.mdx')).toEqual(VALID);
  });

  // Each bad fixture must fail with a message naming the file and the offending field.
  test.each([
    ['missing-title.mdx', 'title'],
    ['minutes-not-number.mdx', 'minutes'],
    ['minutes-out-of-range.mdx', 'minutes: must be 8 to 20 (a lesson is one sitting; split a longer one), is 30'],
    ['unknown-status.mdx', 'statusCodes.1'],
    ['bad-preset-id.mdx', 'presets.0'],
    ['unknown-preset.mdx', 'presets.1: names no sandbox preset: there is no "no-such-preset" in lib/sandbox/scenario/presets'],
    ['unknown-field.mdx', 'author'],
    ['no-objectives.mdx', 'objectives'],
    ['bad-yaml.mdx', 'YAML does not parse'],
    ['no-frontmatter.mdx', 'must start with a --- YAML block ---'],
  ])('%s is refused, naming %s', (file, field) => {
    const message = failure(() => check(file)).message;
    expect(message).toContain(`Invalid frontmatter in ${file}`);
    expect(message).toContain(field);
  });

  test('each problem names the line of its field in the file', () => {
    expect(failure(() => check('unknown-status.mdx')).message).toMatch(/\n {2}statusCodes\.1: .* \(line 8\)$/);
    expect(failure(() => check('minutes-out-of-range.mdx')).message).toMatch(/\n {2}minutes: .*, is 30 \(line 5\)$/);
    expect(failure(() => check('unknown-field.mdx')).message).toBe(
      'Invalid frontmatter in unknown-field.mdx:\n  author: is not a frontmatter field (the fields are title, summary, inShort, picture, order, minutes, objectives, statusCodes, presets) (line 5)',
    );
  });

  test('a kebab-case check that fails is not followed by a lookup of the preset', () => {
    expect(failure(() => check('bad-preset-id.mdx')).message).toBe(
      'Invalid frontmatter in bad-preset-id.mdx:\n  presets.0: must be a kebab-case preset id such as "basic-missing-credentials" (line 9)',
    );
  });

  test('order must say the number the file name starts with', () => {
    expect(check('valid.mdx', 1)).toEqual(VALID);
    expect(failure(() => check('valid.mdx', 2)).message).toBe('Invalid frontmatter in valid.mdx:\n  order: is 1 but the file name says 2 (line 4)');
  });

  test('a repeated status code is refused', () => {
    const text = ['---', 'title: Valid lesson', `summary: ${VALID.summary}`, 'order: 1', 'minutes: 10', 'objectives: [Tell a 401 from a 403 on the wire.]', 'statusCodes: [401, 401]', 'presets: []', '---', ''].join('\n');
    expect(() => validateFrontmatter('x.mdx', readLessonModel('x.mdx', text).frontmatter)).toThrow(/statusCodes: must not repeat a status code \(line 7\)/);
  });

  describe('the opening: inShort and picture (issue 16)', () => {
    const lines = (items: string[]) => ['inShort:', ...items.map((item) => `  - ${JSON.stringify(item)}`)];
    const frontmatter = (extra: string[]) =>
      [
        '---',
        'title: Valid lesson',
        `summary: ${VALID.summary}`,
        'order: 1',
        'minutes: 10',
        'objectives: [Tell a 401 from a 403 on the wire.]',
        'statusCodes: [401]',
        'presets: []',
        ...extra,
        '---',
        '',
      ].join('\n');
    const validate = (extra: string[]) => validateFrontmatter('x.mdx', readLessonModel('x.mdx', frontmatter(extra)).frontmatter);
    const three = ['A 401 asks who you are.', 'A 403 says the server refuses.', 'A 407 is a proxy asking.'];

    test('three sentences and a preset are accepted', () => {
      expect(validate([...lines(three), 'picture: proxy-then-origin'])).toMatchObject({ inShort: three, picture: 'proxy-then-origin' });
    });

    test('both are required', () => {
      const message = failure(() => validate([])).message;
      expect(message).toContain('inShort:');
      expect(message).toContain('picture:');
    });

    test.each([
      ['two lines', lines(three.slice(0, 2)), 'inShort: must be exactly three lines (line 10)'],
      ['four lines', lines([...three, 'A fourth line is one too many.']), 'inShort: must be exactly three lines (line 10)'],
      ['a line too long for one line', lines([three[0] ?? '', three[1] ?? '', `A line that goes on ${'and on '.repeat(12)}.`]), 'inShort.2: is 105 characters; keep it to 90 so it fits one line (line 12)'],
      ['a line that does not end like a sentence', lines([three[0] ?? '', three[1] ?? '', 'A line without its full stop']), 'inShort.2: must end like a sentence'],
      ['a line that does not start like one', lines([three[0] ?? '', 'and then the server refuses it.', three[2] ?? '']), 'inShort.1: must start like a sentence'],
    ])('%s is refused, naming the line', (_name, extra, expected) => {
      expect(failure(() => validate([...extra, 'picture: proxy-then-origin'])).message).toContain(expected);
    });

    test('a picture that is no sandbox preset is refused', () => {
      expect(failure(() => validate([...lines(three), 'picture: no-such-preset'])).message).toContain(
        'picture: names no sandbox preset: there is no "no-such-preset" in lib/sandbox/scenario/presets (line 13)',
      );
    });
  });
});
