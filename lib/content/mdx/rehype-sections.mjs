// Rehype plugin: wraps each `##` heading and everything up to the next one in
// <section data-section="heading-id">, so one section of a lesson can be embedded on its own
// (/embed/lessons/slug?section=id hides the others) and print can keep a section together.
// Runs after rehype-slug (the ids) and leaves MDX import/export nodes at the root.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

const ROOT_ONLY = new Set(['mdxjsEsm']);

/** @returns {(tree: Node) => void} */
export default function rehypeSections() {
  return (tree) => {
    const out = [];
    /** @type {Node | undefined} */
    let section;
    for (const node of tree.children ?? []) {
      if (ROOT_ONLY.has(node.type)) {
        out.push(node);
        continue;
      }
      if (node.type === 'element' && node.tagName === 'h2') {
        const id = node.properties?.id;
        if (typeof id !== 'string' || id === '') throw new Error('rehype-sections: a ## heading has no id (is rehype-slug before it?)');
        section = { type: 'element', tagName: 'section', properties: { dataSection: id }, children: [] };
        out.push(section);
      }
      if (section) section.children?.push(node);
      else out.push(node);
    }
    tree.children = out;
  };
}
