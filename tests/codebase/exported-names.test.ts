import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collidingExports, exportedNames } from './exported-names';

describe('exported names', () => {
  test('reads what a module declares and exports, not what it only passes on', () => {
    const text = [
      "export { parseChallenges } from './parse';",
      "export * from './digest';",
      "export { decodeBase64 as decode } from './base64';",
      'export function SequenceDiagram() {}',
      'export function overloaded(a: string): string;',
      'export function overloaded(a: number): number;',
      'export const one = 1, { two, three: [four] } = table;',
      'export type Severity = string;',
      'export interface Finding {}',
      'export class Scanner {}',
      'export enum Kind { A }',
      "import { SANDBOX_PREFIX, type PresetGroup } from './router';",
      'export { SANDBOX_PREFIX, type PresetGroup };',
      'const local = 1;',
      'export { local as renamed };',
      'export default function Page() {}',
      'export const metadata = {};',
    ].join('\n');
    expect(exportedNames('lib/x.ts', text).sort()).toEqual(
      ['Finding', 'Kind', 'Scanner', 'SequenceDiagram', 'Severity', 'decode', 'four', 'metadata', 'one', 'overloaded', 'renamed', 'two'].sort(),
    );
    // Next's convention files each export their own metadata, GET, …: those are not collisions.
    expect(exportedNames('app/(site)/page.tsx', text)).not.toContain('metadata');
    expect(exportedNames('app/api/exchange/route.ts', 'export async function POST() {}\nexport const dynamic = 1;')).toEqual([]);
  });

  test('finds a name two modules export, and a lab export a package already has', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exported-names-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    try {
      write('components/mdx/SequenceDiagram.tsx', 'export function SequenceDiagram() {}');
      write('components/playground/SequenceDiagram.tsx', 'export function SequenceDiagram() {}');
      write('components/playground/token.ts', 'export function decodeJwt() {}');
      write('lib/sandbox/tokens.ts', "import { decodeJwt } from 'jose';\nexport const read = decodeJwt;");
      write('app/page.tsx', "export { SequenceDiagram } from '../components/mdx/SequenceDiagram';\nexport const metadata = {};");
      write('app/embed/page.tsx', 'export const metadata = {};');
      expect(Object.fromEntries(collidingExports(root, ['lib', 'components', 'app']))).toEqual({
        SequenceDiagram: ['components/mdx/SequenceDiagram.tsx', 'components/playground/SequenceDiagram.tsx'],
        decodeJwt: ['components/playground/token.ts', '(a package)'],
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('no two modules under lib/, components/ and app/ export the same name', () => {
    const collisions = collidingExports(path.join(__dirname, '../..'), ['lib', 'components', 'app']);
    expect(Object.fromEntries(collisions)).toEqual({});
  });
});
