// A zod failure said as a sentence about the file, never the raw error: which field (as a JSON path the
// reader can find in the file) and what was expected there.

type Issue = { path: readonly PropertyKey[]; message: string };

/** `log.entries[3].response.status` from a prefix and zod's path. */
export function jsonPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at === '' ? String(key) : `${at}.${String(key)}`), prefix);
}

export function describeIssue(prefix: string, issues: readonly Issue[]): { where: string; message: string } {
  const issue = issues[0];
  if (!issue) return { where: prefix, message: 'it does not have the expected shape' };
  // zod's English messages read "Invalid input: expected number, received string".
  return { where: jsonPath(prefix, issue.path), message: issue.message.replace(/^Invalid input: /, '') };
}
