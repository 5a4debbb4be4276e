import path from 'node:path';
import { type Lesson, LESSONS_DIR } from './lessons';
import { readLessonFile } from './lesson-model';
import { quizModel, type QuizModel } from './widgets/quiz';

/**
 * Every <Quiz> of a lesson, in page order, read from its MDX and checked exactly as the build checks
 * it: for the SCORM copy (which runs its quizzes without React) and the tests that answer them.
 */
export function lessonQuizModels(lesson: Lesson, dir: string = LESSONS_DIR): QuizModel[] {
  return readLessonFile(path.join(dir, lesson.file))
    .widgets.filter((widget) => widget.name === 'Quiz')
    .map((widget) => {
      const props = Object.fromEntries(
        Object.entries(widget.props).map(([name, value]) => {
          if (value.kind !== 'static') throw new Error(`${lesson.file}:${widget.line}: <Quiz> prop ${name} is not a literal (${value.reason})`);
          return [name, value.value];
        }),
      );
      return quizModel(props);
    });
}
