import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LessonCompletion } from '@/components/lessons/LessonCompletion';
import { LessonProgressStatus } from '@/components/lessons/LessonProgressStatus';
import { Quiz } from '@/components/mdx/Quiz';
import { markLessonDone, readProgress, recordQuizAnswer, resetProgress } from '@/lib/site/progress';

const quizIds = ['basic-colon', 'basic-charset'];

beforeEach(() => resetProgress());

describe('lesson list status', () => {
  test('in words: quiz questions answered, then Completed', () => {
    render(<LessonProgressStatus slug="basic" quizIds={quizIds} />);
    expect(screen.getByText('0 of 2 quiz questions answered')).toBeInTheDocument();
    act(() => recordQuizAnswer('basic-colon', false));
    expect(screen.getByText('1 of 2 quiz questions answered')).toBeInTheDocument();
    act(() => recordQuizAnswer('basic-colon', true));
    act(() => recordQuizAnswer('basic-charset', true));
    expect(screen.getByText('Completed')).toBeInTheDocument();
  });

  test('a lesson without quizzes: Not started until marked done', () => {
    render(<LessonProgressStatus slug="intro" quizIds={[]} />);
    expect(screen.getByText('Not started')).toBeInTheDocument();
    act(() => markLessonDone('intro', true));
    expect(screen.getByText('Completed')).toBeInTheDocument();
  });
});

describe('end of lesson', () => {
  test('"Mark lesson as done" records the lesson and can be undone, by keyboard', async () => {
    const user = userEvent.setup();
    render(<LessonCompletion slug="basic" quizIds={quizIds} />);
    const button = screen.getByRole('button', { name: 'Mark lesson as done' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('You marked this lesson as done.');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(readProgress().lessons).toEqual({ basic: true });
    await user.keyboard(' ');
    expect(readProgress().lessons).toEqual({});
    expect(screen.getByRole('status')).toHaveTextContent('Answer the 2 quiz questions above, or mark the lesson as done.');
  });

  test('answering every quiz in the lesson correctly completes it without the button', async () => {
    const user = userEvent.setup();
    const option = (text: string, correct = false) => ({ text, explain: `${text} explained`, ...(correct ? { correct } : {}) });
    render(
      <>
        <Quiz id="basic-colon" question="First?" options={[option('a'), option('b', true)]} />
        <Quiz id="basic-charset" question="Second?" options={[option('c', true), option('d')]} />
        <LessonCompletion slug="basic" quizIds={quizIds} />
      </>,
    );
    const checks = screen.getAllByRole('button', { name: 'Check answer' });
    await user.click(screen.getByRole('radio', { name: 'b' }));
    await user.click(checks[0] as HTMLElement);
    expect(screen.getByText('1 of 2 quiz questions answered correctly.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'c' }));
    await user.click(checks[1] as HTMLElement);
    expect(screen.getByText('Completed: you answered every quiz question correctly.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark lesson as done' })).toBeNull();
  });
});
