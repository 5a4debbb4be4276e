import { type QuizProps, quizModel } from '@/lib/content/widgets/quiz';
import { QuizQuestion } from './QuizQuestion';

/**
 * <Quiz id question options>: props are checked here, on the server, so a quiz with no or two correct
 * options, a missing explanation or a bad id fails the build naming the quiz; only the checked,
 * pre-split model reaches the browser (zod never does).
 */
export function Quiz(props: QuizProps) {
  return <QuizQuestion quiz={quizModel(props)} />;
}
