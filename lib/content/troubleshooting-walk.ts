import type { Answer, QuestionNode, TroubleNode, TroubleTree } from './troubleshooting-types';

// Walking the troubleshooting tree: the checks that keep it well formed, and the reader's path as
// a list of chosen answers (so "back" and "start over" are list operations, and no state can point
// at a node the tree does not have).

export type NodeIndex = ReadonlyMap<string, TroubleNode>;

export function indexNodes(tree: TroubleTree): NodeIndex {
  return new Map(tree.nodes.map((node) => [node.id, node]));
}

/** Every way the tree can be malformed, as sentences; empty when it is well formed. */
export function treeProblems(tree: TroubleTree): string[] {
  const problems: string[] = [];
  const index = indexNodes(tree);
  if (index.size !== tree.nodes.length) problems.push('Two nodes share an id.');
  if (!index.has(tree.root)) problems.push(`The root "${tree.root}" is not a node.`);
  for (const node of tree.nodes) {
    if (node.kind === 'question') {
      if (node.answers.length < 2) problems.push(`Question "${node.id}" offers fewer than two answers.`);
      for (const answer of node.answers) {
        if (!index.has(answer.next)) problems.push(`Answer "${answer.label}" of "${node.id}" leads to no node "${answer.next}".`);
      }
    } else if (!node.cause || !node.fix || node.citations.length === 0 || !node.lesson.slug) {
      problems.push(`Cause "${node.id}" lacks a cause, a fix, a citation or a lesson.`);
    }
  }
  problems.push(...cycles(tree.root, index), ...unreachable(tree, index));
  return problems;
}

/** Depth-first search with the current path on a stack: an edge back into the stack is a cycle. */
function cycles(root: string, index: NodeIndex): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const visit = (id: string, stack: string[]) => {
    if (stack.includes(id)) {
      found.push(`Cycle: ${[...stack.slice(stack.indexOf(id)), id].join(' → ')}.`);
      return;
    }
    const node = index.get(id);
    if (done.has(id) || node?.kind !== 'question') return;
    for (const answer of node.answers) visit(answer.next, [...stack, id]);
    done.add(id);
  };
  visit(root, []);
  return found;
}

function unreachable(tree: TroubleTree, index: NodeIndex): string[] {
  const seen = new Set<string>();
  const queue = [tree.root];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    const node = index.get(id);
    if (seen.has(id) || !node) continue;
    seen.add(id);
    if (node.kind === 'question') queue.push(...node.answers.map((answer) => answer.next));
  }
  return tree.nodes.filter((node) => !seen.has(node.id)).map((node) => `Node "${node.id}" cannot be reached from the root.`);
}

export type Step = { question: QuestionNode; answer: Answer };
export type Walk = { steps: Step[]; current: TroubleNode };

/**
 * The steps taken and the node reached by a list of answer indexes from the root. Indexes that do
 * not fit (an answer that does not exist, or past a leaf) end the walk where it stands.
 */
export function walk(tree: TroubleTree, choices: readonly number[], index: NodeIndex = indexNodes(tree)): Walk {
  const root = index.get(tree.root);
  if (!root) throw new Error(`The troubleshooting tree has no root node "${tree.root}"`);
  const steps: Step[] = [];
  let current: TroubleNode = root;
  for (const choice of choices) {
    const answer = current.kind === 'question' ? current.answers[choice] : undefined;
    const next = answer ? index.get(answer.next) : undefined;
    if (current.kind !== 'question' || !answer || !next) break;
    steps.push({ question: current, answer });
    current = next;
  }
  return { steps, current };
}

/** Answer indexes for a path written as answer labels; throws on a label the question lacks. */
export function choicesFor(tree: TroubleTree, labels: readonly string[], index: NodeIndex = indexNodes(tree)): number[] {
  const choices: number[] = [];
  for (const label of labels) {
    const { current } = walk(tree, choices, index);
    const choice = current.kind === 'question' ? current.answers.findIndex((answer) => answer.label === label) : -1;
    if (choice < 0) throw new Error(`"${current.id}" has no answer "${label}"`);
    choices.push(choice);
  }
  return choices;
}

export type WalkAction = { kind: 'answer'; choice: number } | { kind: 'back' } | { kind: 'start-over' } | { kind: 'return-to'; step: number };

/** The reader's path as a reducer over answer indexes. */
export function walkReducer(choices: readonly number[], action: WalkAction): readonly number[] {
  switch (action.kind) {
    case 'answer':
      return [...choices, action.choice];
    case 'back':
      return choices.slice(0, -1);
    case 'start-over':
      return [];
    case 'return-to':
      return choices.slice(0, Math.max(0, action.step));
    default: {
      const never: never = action;
      return never;
    }
  }
}
