import { render, screen, within } from '@testing-library/react';
import { LessonSequenceDiagram } from '@/components/mdx/LessonSequenceDiagram';
import type { SequenceProps } from '@/lib/content/widgets/sequence';

const proxy: SequenceProps = {
  caption: 'A proxy and an origin both ask who you are',
  lanes: ['Client', 'Proxy', 'Origin'],
  steps: [
    { from: 'Client', to: 'Proxy', label: 'GET /report' },
    { from: 'Proxy', to: 'Client', label: '407 Proxy-Authenticate: Basic' },
    { from: 'Client', to: 'Proxy', label: 'GET + Proxy-Authorization' },
    { from: 'Proxy', to: 'Origin', label: 'GET (Proxy-Authorization removed)', note: 'The proxy consumes its own credentials.' },
  ],
};

describe('<SequenceDiagram>', () => {
  test('an SVG image named by the caption, and every step as an ordered list in words', () => {
    render(<LessonSequenceDiagram {...proxy} />);
    const figure = screen.getByRole('figure', { name: 'A proxy and an origin both ask who you are' });
    expect(
      within(figure).getByRole('img', { name: /^Sequence diagram: A proxy and an origin both ask who you are\. 4 messages between Client, Proxy, Origin/ }),
    ).toBeInTheDocument();
    const steps = within(figure)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toEqual([
      'Client → Proxy: GET /report',
      'Proxy → Client: 407 Proxy-Authenticate: Basic',
      'Client → Proxy: GET + Proxy-Authorization',
      'Proxy → Origin: GET (Proxy-Authorization removed) (The proxy consumes its own credentials.)',
    ]);
  });

  test('the drawing labels each arrow, dashes responses, and shows notes', () => {
    const { container } = render(<LessonSequenceDiagram {...proxy} />);
    const svg = container.querySelector('svg') as SVGSVGElement;
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(
      expect.arrayContaining(['Client', 'Proxy', 'Origin', '1. GET /report', '2. 407 Proxy-Authenticate: Basic', 'The proxy consumes its own credentials.']),
    );
    const arrows = [...svg.querySelectorAll('line[marker-end]')];
    expect(arrows.map((a) => a.getAttribute('stroke-dasharray'))).toEqual([null, '6 3', null, null]);
    // Each diagram's arrowhead id is its own, so two diagrams on a page do not share markers.
    expect(arrows[0]?.getAttribute('marker-end')).toMatch(/^url\(#sequence-[A-Za-z0-9_-]+-head\)$/);
  });

  test('the drawing scales to its box instead of scrolling: no scroll region, the SVG as wide as the box at most', () => {
    const { container } = render(<LessonSequenceDiagram {...proxy} />);
    expect(screen.queryByRole('region')).toBeNull();
    const svg = container.querySelector('svg') as SVGSVGElement;
    expect(svg).toHaveClass('w-full', 'h-auto', 'max-w-[560px]');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 560 \d+$/);
  });

  describe('invalid props fail the build, naming the diagram', () => {
    test.each<[string, SequenceProps, RegExp]>([
      [
        'a step from an unknown lane',
        { ...proxy, steps: [{ from: 'Browser', to: 'Proxy', label: 'GET' }] },
        /<SequenceDiagram caption="A proxy and an origin both ask who you are">[\s\S]*steps\.0\.from: "Browser" is not a lane \(lanes: "Client", "Proxy", "Origin"\)/,
      ],
      ['a step to an unknown lane', { ...proxy, steps: [{ from: 'Client', to: 'Server', label: 'GET' }] }, /steps\.0\.to: "Server" is not a lane/],
      ['one lane', { ...proxy, lanes: ['Client'] }, /lanes: needs 2 or 3 lanes/],
      ['four lanes', { ...proxy, lanes: ['A', 'B', 'C', 'D'] }, /lanes: needs 2 or 3 lanes/],
      ['an arrow to its own lane', { ...proxy, steps: [{ from: 'Client', to: 'Client', label: 'GET' }] }, /steps\.0: from and to are both "Client"/],
      ['an empty label', { ...proxy, steps: [{ from: 'Client', to: 'Proxy', label: ' ' }] }, /steps\.0\.label: must not be empty/],
    ])('%s', (_, props, message) => {
      expect(() => LessonSequenceDiagram(props)).toThrow(message);
    });
  });
});
