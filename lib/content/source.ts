import { parse as parseYaml, YAMLParseError } from 'yaml';
import { LessonContentError } from './frontmatter';

export type LessonSource = { frontmatter: unknown; body: string; bodyLine: number };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits an MDX file into its YAML frontmatter (parsed, not yet validated) and its body. */
export function splitLessonSource(file: string, text: string): LessonSource {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    throw new LessonContentError(`Invalid frontmatter in ${file}: the file must start with a --- YAML block ---`);
  }
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(match[1] ?? '');
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message : String(error);
    throw new LessonContentError(`Invalid frontmatter in ${file}: YAML does not parse: ${detail}`);
  }
  const bodyLine = match[0].split('\n').length;
  return { frontmatter, body: text.slice(match[0].length), bodyLine };
}
