// Why a request cannot be sent, said next to the field it is about (issue 16, bug 6): the field named
// as the playground labels it, in plain words, never the schema's path ("target: …").

/** The part of a zod issue this needs (zod/mini's $ZodIssue has more). */
export type SchemaIssue = { code: string; path: PropertyKey[]; message: string };

/** Which control a problem belongs to; the editors give each control an id from it (fieldDomId). */
export type ProblemField =
  { kind: 'method' } | { kind: 'target' } | { kind: 'body' } | { kind: 'header'; index: number; part: 'name' | 'value' } | { kind: 'other' };

export type FieldProblem = { field: ProblemField; message: string };

/** The id of the message element a control names in aria-describedby. */
export function problemId(field: ProblemField): string {
  return field.kind === 'header' ? `problem-header-${field.index}-${field.part}` : `problem-${field.kind}`;
}

function headerProblem(issue: SchemaIssue, index: number, part: unknown): FieldProblem {
  const which = `Header ${index + 1}`;
  if (part === 0) {
    const field: ProblemField = { kind: 'header', index, part: 'name' };
    if (issue.code === 'too_small') return { field, message: `${which} name is empty: type a name, or remove the header.` };
    if (issue.code === 'too_big') return { field, message: `${which} name is too long (at most 64 characters).` };
    return { field, message: `${which} name can only hold letters, digits and - (no spaces or colons), as in X-Request-Id.` };
  }
  if (part === 1) {
    const field: ProblemField = { kind: 'header', index, part: 'value' };
    if (issue.code === 'too_big') return { field, message: `${which} value is too long (at most 8192 characters).` };
    return { field, message: `${which} value cannot hold line breaks or other control characters.` };
  }
  return { field: { kind: 'other' }, message: `${which}: ${issue.message}.` };
}

/** One schema issue of requestForSend, in the reader's words. */
export function fieldProblem(issue: SchemaIssue): FieldProblem {
  const path = issue.path[0] === 'request' ? issue.path.slice(1) : issue.path;
  const [field, index, part] = path;
  if (field === 'target') {
    const target = { kind: 'target' } as const;
    if (issue.code === 'custom') return { field: target, message: 'Path and query must start with /api/sandbox/: the playground only talks to the sandbox.' };
    if (issue.code === 'too_big') return { field: target, message: 'Path and query is too long (at most 2048 characters).' };
    return { field: target, message: 'Path and query must start with / and cannot hold spaces.' };
  }
  if (field === 'method') return { field: { kind: 'method' }, message: 'Method must be upper-case letters, such as GET.' };
  if (field === 'body') return { field: { kind: 'body' }, message: 'Body is too long (at most 65 536 characters).' };
  if (field === 'headers' && typeof index === 'number') return headerProblem(issue, index, part);
  if (field === 'headers') return { field: { kind: 'other' }, message: 'Too many headers: a request here carries at most 50.' };
  return { field: { kind: 'other' }, message: `${path.map(String).join(' ') || 'The request'}: ${issue.message}.` };
}

/** The first problem with this control, if any (one message per field is enough to act on). */
export function problemFor(problems: readonly FieldProblem[], field: ProblemField): FieldProblem | undefined {
  return problems.find((problem) => problemId(problem.field) === problemId(field));
}
