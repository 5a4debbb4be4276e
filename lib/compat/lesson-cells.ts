import path from 'node:path';
import { clientResultProblems } from '@/lib/content/client-result-refs';
import { LessonContentError } from '@/lib/content/lesson-content-error';
import { readLessonFile, shownPath } from '@/lib/content/lesson-model';
import { LESSONS_DIR } from '@/lib/content/lessons';
import { compatData } from './compat-data';

// The lesson pages call this before rendering a lesson: a <ClientResult> naming a case or client the
// matrix does not have fails the build with the lesson's file and line, not only the widget's props.

/** Throws (and so fails the build) naming the file and line of each <ClientResult> that names no cell. */
export function assertLessonClientResults(lessonFile: string, dir: string = LESSONS_DIR): void {
  const filePath = path.join(dir, lessonFile);
  const problems = clientResultProblems(shownPath(filePath), readLessonFile(filePath).widgets, compatData());
  if (problems.length > 0) throw new LessonContentError(problems.join('\n'));
}
