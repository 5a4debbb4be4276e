import type { Element, Root } from 'hast';

export type Selected = { tag: string; attributes: Record<string, string>; text: string; parent: string | undefined };

const ATTRIBUTE = /^\[([a-z-]+)(?:=([^\]]+))?\]$/;

function textOf(node: Element | Root): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

/**
 * The elements matching a tag name or one [attribute] / [attribute=value] selector, in document order,
 * with their attributes as HTML names them (the tests read the tree the package's HTML parses to).
 */
export function selectAll(root: Root, selector: string): Selected[] {
  const found: Selected[] = [];
  const attribute = ATTRIBUTE.exec(selector);
  const walk = (node: Element | Root, parent: string | undefined) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const attributes = Object.fromEntries(
        Object.entries(child.properties).map(([name, value]) => [
          // hast's property names back to HTML's attribute names.
          { htmlFor: 'for', className: 'class', autoComplete: 'autocomplete', inputMode: 'inputmode' }[name] ??
            name.replace(/^data([A-Z])/, (_m, c: string) => `data-${c.toLowerCase()}`).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
          Array.isArray(value) ? value.join(' ') : String(value),
        ]),
      );
      const matches = attribute
        ? attribute[1]! in attributes && (attribute[2] === undefined || attributes[attribute[1]!] === attribute[2])
        : child.tagName === selector;
      if (matches) found.push({ tag: child.tagName, attributes, text: textOf(child), parent });
      walk(child, child.tagName);
    }
  };
  walk(root, undefined);
  return found;
}
