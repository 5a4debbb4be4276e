import fs from 'node:fs';
import path from 'node:path';
import { LessonContentError, validateFrontmatter } from '@/lib/content/frontmatter';
import { splitLessonSource } from '@/lib/content/source';

const FIXTURES = path.join(__dirname, '../../fixtures/content/frontmatter');

function check(file: string) {
  const { frontmatter } = splitLessonSource(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  return validateFrontmatter(file, frontmatter);
}

describe('lesson frontmatter', () => {
  test('a complete frontmatter is accepted and typed', () => {
    expect(check('valid.mdx')).toEqual({
      title: 'Valid lesson',
      summary: 'A fixture lesson used by the content tests, long enough to pass.',
      order: 1,
      minutes: 5,
      objectives: ['Tell a 401 from a 403 on the wire.'],
      statusCodes: [401, 403],
      presets: ['basic-missing-credentials'],
    });
  });

  // Each bad fixture must fail with a message naming the file and the offending field.
  test.each([
    ['missing-title.mdx', 'title'],
    ['minutes-not-number.mdx', 'minutes'],
    ['unknown-status.mdx', 'statusCodes.1'],
    ['bad-preset-id.mdx', 'presets.0'],
    ['unknown-field.mdx', 'author'],
    ['no-objectives.mdx', 'objectives'],
    ['bad-yaml.mdx', 'YAML does not parse'],
    ['no-frontmatter.mdx', 'must start with a --- YAML block ---'],
  ])('%s is refused, naming %s', (file, field) => {
    let error: unknown;
    try {
      check(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LessonContentError);
    const message = (error as Error).message;
    expect(message).toContain(`Invalid frontmatter in ${file}`);
    expect(message).toContain(field);
  });

  test('a repeated status code is refused', () => {
    expect(() =>
      validateFrontmatter('x.mdx', {
        title: 'Valid lesson',
        summary: 'A fixture lesson used by the content tests, long enough to pass.',
        order: 1,
        minutes: 5,
        objectives: ['Tell a 401 from a 403 on the wire.'],
        statusCodes: [401, 401],
        presets: [],
      }),
    ).toThrow(/statusCodes: must not repeat a status code/);
  });
});
