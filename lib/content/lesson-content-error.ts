/** A lesson the site cannot be built from: a bad file name, frontmatter or MDX. Its message names the file. */
export class LessonContentError extends Error {
  override name = 'LessonContentError';
}
