import { render, screen } from '@testing-library/react';
import { Callout, type CalloutKind } from '@/components/mdx/Callout';

describe('Callout', () => {
  test.each([
    ['note', 'Note'],
    ['warning', 'Warning'],
    ['misconception', 'Common misconception'],
  ] as [CalloutKind, string][])('a %s callout names its kind in words', (kind, label) => {
    render(
      <Callout kind={kind} title="401 means forbidden">
        <p>It means unauthenticated.</p>
      </Callout>,
    );
    const note = screen.getByRole('note', { name: `${label}: 401 means forbidden` });
    expect(note).toHaveTextContent(label);
    expect(note).toHaveTextContent('It means unauthenticated.');
  });

  test('defaults to a note', () => {
    render(<Callout>Body</Callout>);
    expect(screen.getByRole('note', { name: 'Note' })).toHaveTextContent('Body');
  });

  test('an unknown kind is a clear error, not a silent default', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Callout kind={'tip' as CalloutKind}>Body</Callout>)).toThrow('<Callout kind="tip"> is not one of note, warning, misconception');
  });
});
