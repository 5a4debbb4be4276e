import path from 'node:path';
import { ContentDataError, displayPath, readDataFile } from './data-file';
import { findRfcSection } from './rfc-sections';
import { troubleshooterFileSchema } from './troubleshooting-schema';
import { citationText, type TroubleTree } from './troubleshooting-types';
import { treeProblems } from './troubleshooting-walk';

// The troubleshooting decision tree of lesson 10, read from content/troubleshooter.yaml on the server
// (the <Troubleshooter /> server component, the tests) and refused at load, so a broken edit fails the
// build: first the schema (troubleshooting-schema.ts), then the tree as a whole (treeProblems) and its
// citations against the RFC tables in content/rfc/. The client never imports this module: the tree
// reaches the interactive walk as a prop.

export const TROUBLESHOOTER_FILE = path.join(process.cwd(), 'content', 'troubleshooter.yaml');

/** Every RFC citation names a section that the RFC's table in content/rfc/ lists. */
function citationProblems(tree: TroubleTree): string[] {
  const problems: string[] = [];
  for (const node of tree.nodes) {
    if (node.kind !== 'leaf') continue;
    for (const citation of node.citations) {
      if (citation.kind === 'rfc' && findRfcSection(citation.rfc, citation.section) === undefined) {
        problems.push(`Cause "${node.id}" cites ${citationText(citation)}, which content/rfc/rfc${citation.rfc}.json does not list.`);
      }
    }
  }
  return problems;
}

/** Reads and checks a troubleshooting tree file; throws ContentDataError naming the file and each problem. */
export function loadTroubleshootingTree(file: string = TROUBLESHOOTER_FILE): TroubleTree {
  const tree = readDataFile(file, troubleshooterFileSchema);
  const problems = [...treeProblems(tree), ...citationProblems(tree)];
  if (problems.length > 0) throw new ContentDataError(`${displayPath(file)} is not a well-formed tree:\n  ${problems.join('\n  ')}`);
  return tree;
}

export const TROUBLESHOOTING_TREE = loadTroubleshootingTree();
