import { Children, isValidElement, type ReactNode } from 'react';
import { SectionEmbedButton } from '@/components/embed/SectionEmbedButton';

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) =>
      typeof child === 'string' || typeof child === 'number'
        ? String(child)
        : isValidElement<{ children?: ReactNode }>(child)
          ? textOf(child.props.children)
          : '',
    )
    .join('');
}

/**
 * A lesson's `##` heading with, beside it (not inside: the heading's name stays its text), the
 * button that embeds its section.
 */
export function SectionHeading({ id, children, ...rest }: React.ComponentPropsWithoutRef<'h2'>) {
  if (!id) return <h2 {...rest}>{children}</h2>;
  return (
    // No wrapping: the heading takes the room it needs and its text wraps, while the small button stays
    // on the heading's first line at the right, instead of dropping alone under a long heading.
    <div className="section-heading flex items-baseline gap-x-3">
      <h2 id={id} {...rest} className={`min-w-0 flex-1 ${rest.className ?? ''}`.trim()}>
        {children}
      </h2>
      <SectionEmbedButton section={id} heading={textOf(children)} />
    </div>
  );
}
