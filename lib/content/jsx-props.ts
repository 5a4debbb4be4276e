// The props of a lesson widget (<Quiz>, <Exchange>, <TryIt>, ...) read from the MDX syntax tree without
// running the lesson: a literal prop is evaluated, anything else is kept with the reason it could not be.
import type { Expression, Node as EstreeNode, Program } from 'estree';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

/** A JSX prop: its value when it is a literal, or why it is not. */
export type PropValue = { kind: 'static'; value: StaticValue } | { kind: 'dynamic'; reason: string };

export type Widget = { name: string; line: number; props: Record<string, PropValue> };

/**
 * Evaluates a prop expression that is a literal: strings, numbers, booleans, null, template literals
 * without ${}, and arrays/objects of those. Anything else (a variable, a call, a spread) is refused: the
 * tests could not know its value, so a lesson must not hide content behind it.
 */
export function staticValue(node: EstreeNode): StaticValue {
  switch (node.type) {
    case 'Literal':
      if ('regex' in node || 'bigint' in node) throw new Error('a regular expression or bigint literal');
      return node.value as string | number | boolean | null;
    case 'TemplateLiteral':
      if (node.expressions.length > 0) throw new Error('a template literal with ${...} expressions');
      return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    case 'ArrayExpression':
      return node.elements.map((element) => {
        if (element === null) throw new Error('an array with a hole');
        if (element.type === 'SpreadElement') throw new Error('a spread (...) in an array');
        return staticValue(element);
      });
    case 'ObjectExpression': {
      const object: { [key: string]: StaticValue } = {};
      for (const property of node.properties) {
        if (property.type !== 'Property') throw new Error('a spread (...) in an object');
        if (property.computed || property.method || property.shorthand || property.kind !== 'init') {
          throw new Error('an object property that is not a plain `key: value`');
        }
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
        if (key === undefined) throw new Error('an object key that is not a name or a string');
        object[key] = staticValue(property.value);
      }
      return object;
    }
    default:
      throw new Error(`a ${node.type}, not a literal`);
  }
}

function propValue(expression: Program | undefined): PropValue {
  const statement = expression?.body[0];
  if (!expression || expression.body.length !== 1 || statement?.type !== 'ExpressionStatement') {
    return { kind: 'dynamic', reason: 'the expression could not be read' };
  }
  try {
    return { kind: 'static', value: staticValue(statement.expression as Expression) };
  } catch (error) {
    return { kind: 'dynamic', reason: `the value is ${(error as Error).message}; write the value out as a literal` };
  }
}

/** A JSX element of the lesson as a widget: its tag name, where it starts and its props. */
export function widgetOf(node: MdxJsxFlowElement | MdxJsxTextElement): Widget {
  const props: Record<string, PropValue> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      props['...'] = { kind: 'dynamic', reason: `a spread attribute ${attribute.value}; write each prop out` };
      continue;
    }
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = { kind: 'static', value: true };
    else if (typeof value === 'string') props[attribute.name] = { kind: 'static', value };
    else props[attribute.name] = propValue(value.data?.estree ?? undefined);
  }
  return { name: node.name ?? '', line: node.position?.start.line ?? 0, props };
}

/** Every string inside a prop value, for the prose checks (quiz explanations, captions). */
export function stringsIn(value: StaticValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** A widget's prop when it is a literal string (`<Quiz id="...">`), else undefined. */
export function stringProp(widget: Widget, name: string): string | undefined {
  const prop = widget.props[name];
  return prop?.kind === 'static' && typeof prop.value === 'string' ? prop.value : undefined;
}
