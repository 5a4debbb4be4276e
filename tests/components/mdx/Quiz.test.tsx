import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Quiz } from '@/components/mdx/Quiz';
import type { QuizProps } from '@/lib/content/widgets/quiz';
import { PROGRESS_STORAGE_KEY, readProgress, recordQuizAnswer, resetProgress } from '@/lib/site/progress';

const colon: QuizProps = {
  id: 'basic-colon',
  question: 'Which user-id cannot be sent with `Basic`?',
  options: [
    { text: '`alice`', explain: 'Any user-id without a colon works.' },
    { text: '`a:lice`', correct: true, explain: 'The first colon separates user-id and password (RFC 7617 §2).' },
    { text: '`álice`', explain: 'Non-ASCII works; `charset="UTF-8"` says how to encode it.' },
  ],
};

beforeEach(() => resetProgress());

describe('<Quiz>', () => {
  test('a radio group named by the question, backtick spans as code; no verdict or explanations before checking', () => {
    render(<Quiz {...colon} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('list', { name: 'Every option explained' })).toBeNull();
    const group = screen.getByRole('group', { name: /^Question: Which user-id cannot be sent with Basic\s?\?$/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(within(group).getByText('Basic').tagName).toBe('CODE');
    expect(screen.getByRole('radio', { name: 'a:lice' })).toBeInTheDocument();
    expect(screen.getByText('a:lice').tagName).toBe('CODE');
  });

  test('a wrong answer says so in words and explains the chosen option; then every option is explained', async () => {
    const user = userEvent.setup();
    render(<Quiz {...colon} />);
    await user.click(screen.getByRole('radio', { name: 'alice' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Not quite. Any user-id without a colon works.');
    expect(status).not.toHaveTextContent('Correct');
    const all = within(screen.getByRole('list', { name: 'Every option explained' })).getAllByRole('listitem');
    expect(all.map((li) => li.textContent)).toEqual([
      '✗ Wrong answer: alice — Any user-id without a colon works.',
      '✓ Correct answer: a:lice — The first colon separates user-id and password (RFC 7617 §2).',
      '✗ Wrong answer: álice — Non-ASCII works; charset="UTF-8" says how to encode it.',
    ]);
    expect(readProgress().quizzes['basic-colon']).toBe('incorrect');
  });

  test('the right answer, by keyboard only, is recorded as correct', async () => {
    const user = userEvent.setup();
    render(<Quiz {...colon} />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'alice' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'a:lice' })).toBeChecked();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Check answer' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('Correct. The first colon separates user-id and password (RFC 7617 §2).');
    expect(JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? '{}')).toEqual({ lessons: {}, quizzes: { 'basic-colon': 'correct' } });
  });

  test('checking without a choice asks for one and records nothing', async () => {
    const user = userEvent.setup();
    render(<Quiz {...colon} />);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByRole('status')).toHaveTextContent('Choose an answer first.');
    expect(readProgress().quizzes['basic-colon']).toBeUndefined();
  });

  test('a later wrong try keeps an earlier correct answer', async () => {
    const user = userEvent.setup();
    render(<Quiz {...colon} />);
    await user.click(screen.getByRole('radio', { name: 'a:lice' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(screen.getByRole('radio', { name: 'álice' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quite.');
    expect(readProgress().quizzes['basic-colon']).toBe('correct');
  });

  test('an answer from an earlier visit is remembered, in words', () => {
    recordQuizAnswer('basic-colon', true);
    render(<Quiz {...colon} />);
    expect(screen.getByText('You answered this correctly before.')).toBeInTheDocument();
  });

  describe('invalid props fail the build, naming the quiz', () => {
    const options = colon.options;
    test.each<[string, QuizProps, RegExp]>([
      [
        'no correct option',
        { ...colon, options: options.map(({ text, explain }) => ({ text, explain })) },
        /<Quiz id="basic-colon">[\s\S]*exactly one correct option, has 0/,
      ],
      [
        'two correct options',
        { ...colon, options: options.map((o) => ({ ...o, correct: true })) },
        /<Quiz id="basic-colon">[\s\S]*exactly one correct option, has 3/,
      ],
      [
        'an option without explain',
        { ...colon, options: [...options.slice(0, 2), { text: 'x' } as QuizProps['options'][number]] },
        /<Quiz id="basic-colon">[\s\S]*options\.2\.explain: every option needs an explain/,
      ],
      ['a non-kebab id', { ...colon, id: 'Basic_Colon' }, /<Quiz id="Basic_Colon">[\s\S]*id: must be kebab-case/],
      ['an unclosed backtick', { ...colon, question: 'Which `user-id?' }, /<Quiz id="basic-colon">[\s\S]*question: an unclosed `/],
    ])('%s', (_, props, message) => {
      expect(() => Quiz(props)).toThrow(message);
    });
  });
});
