import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Names that say which one: no two modules of the lab may export things under the same name, so an
// import or a search finds the one meant (style.md, "Names that say which one"). Read with the
// TypeScript parser, one file at a time: only what a file itself declares and exports counts, since a
// plain re-export (`export { x } from`, `export *`) is the same thing again, not a second one.

/** Next reads these by name from its convention files (page, layout, route, sitemap, …); every route has its own. */
export const NEXT_RESERVED = new Set([
  'default',
  'metadata',
  'generateMetadata',
  'viewport',
  'generateViewport',
  'generateStaticParams',
  'generateSitemaps',
  'generateImageMetadata',
  'dynamic',
  'dynamicParams',
  'revalidate',
  'fetchCache',
  'runtime',
  'preferredRegion',
  'maxDuration',
  'alt',
  'size',
  'contentType',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

const NEXT_CONVENTION_FILE =
  /^(page|layout|template|loading|error|global-error|not-found|route|default|sitemap|robots|manifest|icon|apple-icon|opengraph-image|twitter-image)\.(tsx?|m?js)$/;
const SOURCE_FILE = /\.(tsx?|m?js)$/;

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

/** The local names a module's imports bind: exporting one of them unrenamed passes the same thing on. */
function importedNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    else if (bindings) for (const spec of bindings.elements) names.add(spec.name.text);
  }
  return names;
}

const scriptKind = (fileName: string) => (fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);

const isNamedDeclaration = (node: ts.Statement) =>
  ts.isFunctionDeclaration(node) ||
  ts.isClassDeclaration(node) ||
  ts.isInterfaceDeclaration(node) ||
  ts.isTypeAliasDeclaration(node) ||
  ts.isEnumDeclaration(node) ||
  ts.isModuleDeclaration(node);

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
}

/** Names imported from packages (not `./…` or `@/…`): a lab export by one of them would be a second `decodeJwt`. */
export function packageImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (from.startsWith('.') || from.startsWith('@/') || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const spec of bindings.elements) names.push((spec.propertyName ?? spec.name).text);
  }
  return names;
}

/** The names a module's own declarations are exported under (values and types alike), each once. */
export function exportedNames(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const imported = importedNames(source);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      // `export { a as b }` gives a thing a second name, which can collide; passing an import on as it is cannot.
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const spec of clause.elements) {
          const passedOn = !spec.propertyName && (statement.moduleSpecifier !== undefined || imported.has(spec.name.text));
          if (!passedOn) names.push(spec.name.text);
        }
      }
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword) && !hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
      if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) bindingNames(d.name, names);
      else if (isNamedDeclaration(statement) && statement.name && ts.isIdentifier(statement.name)) names.push(statement.name.text);
    }
  }
  const reserved = NEXT_CONVENTION_FILE.test(path.basename(fileName)) ? NEXT_RESERVED : new Set(['default']);
  return [...new Set(names)].filter((name) => !reserved.has(name));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Every name exported by more than one file under `dirs` (relative to `root`), with the files; a name
 * also imported from a package counts that package (`jose`) as one more owner.
 */
export function collidingExports(root: string, dirs: readonly string[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  const fromPackages = new Set<string>();
  for (const file of dirs.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const relative = path.relative(root, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const name of exportedNames(relative, text)) owners.set(name, [...(owners.get(name) ?? []), relative]);
    for (const name of packageImports(relative, text)) fromPackages.add(name);
  }
  for (const [name, files] of owners) if (fromPackages.has(name)) files.push('(a package)');
  return new Map([...owners].filter(([, files]) => files.length > 1));
}
