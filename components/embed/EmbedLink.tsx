/** Links inside an embedded lesson: in-page anchors stay in the frame, everything else opens the lab in a new tab. */
export function EmbedLink({ href = '', children, ...rest }: React.ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('#')) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener" {...rest}>
      {children}
    </a>
  );
}
