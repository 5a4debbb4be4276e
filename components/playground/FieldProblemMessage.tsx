import { problemId, type FieldProblem, type ProblemField } from '@/lib/playground/field-problems';

/**
 * What is wrong with one control, shown right under it. The element is always there, so as a live
 * region it is announced when a message appears or changes, not only read when the control is focused
 * (the control names it in aria-describedby, see problemAttributes). Said in words, not by colour alone.
 */
export function FieldProblemMessage({ field, problem }: { field: ProblemField; problem: FieldProblem | undefined }) {
  return (
    <span id={problemId(field)} aria-live="polite" className={problem ? 'mt-1 block text-sm font-normal text-rose-700 dark:text-rose-300' : 'sr-only'}>
      {problem ? problem.message : null}
    </span>
  );
}

/** aria-invalid and aria-describedby for a control, when it has a problem. */
export function problemAttributes(field: ProblemField, problem: FieldProblem | undefined) {
  return problem ? { 'aria-invalid': true as const, 'aria-describedby': problemId(field) } : {};
}
