import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InDepth } from '@/components/mdx/InDepth';

describe('InDepth', () => {
  test('starts closed, names its content, and opens on its summary', async () => {
    render(
      <InDepth title="Both fields travel one hop only">
        <p>Proxy-Authorization is consumed by the first proxy that expects it.</p>
      </InDepth>,
    );
    const summary = screen.getByText('Both fields travel one hop only').closest('summary');
    if (!summary) throw new Error('no summary');
    expect(summary).toHaveTextContent('In depth');
    const details = summary.closest('details');
    expect(details).not.toHaveAttribute('open');
    // Closed, the body is in the document (printed and exported open) but not shown.
    expect(screen.getByText(/consumed by the first proxy/)).not.toBeVisible();

    await userEvent.click(summary);
    expect(details).toHaveAttribute('open');
    expect(screen.getByText(/consumed by the first proxy/)).toBeVisible();
  });

  test('the exports open it', () => {
    const { container } = render(<InDepth title="The grammar in full">x</InDepth>);
    expect(container.querySelector('details')).toHaveAttribute('data-export-open');
  });

  test('a missing title fails, naming the widget', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<InDepth title="">x</InDepth>)).toThrow(/<InDepth> has invalid props:\n {2}title: must name what is inside/);
  });
});
