// npm run compat [-- <client id> ...]: every client installed on this machine (scripts/compat/clients)
// against every compatibility case, on a production server this script starts. Per client: a run of the
// run API, the client pointed at each case URL as its users configure it, the lab's report (what the
// client actually sent, graded), written to content/compat/results/<client>.json. A client that is not
// installed is skipped with a line saying so. Ends with a table of verdicts per client.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULT_VERDICTS, type ClientResults } from '@/lib/compat/results-schema';
import { startServer } from '../serve-build.mjs';
import { CLIENT_ADAPTERS } from './clients';
import { clientOrigin, driveClient } from './drive';
import { platform } from './platform';
import { clientResults } from './record';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(root, 'content', 'compat', 'results');

function table(rows: Array<{ id: string; version: string; summary: ClientResults['summary'] | undefined }>): string {
  const head = ['client', 'version', ...RESULT_VERDICTS];
  const lines = rows.map((r) => [r.id, r.version, ...RESULT_VERDICTS.map((v) => (r.summary ? String(r.summary[v]) : '-'))]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [format(head), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !CLIENT_ADAPTERS.some((a) => a.id === id));
  if (unknown.length > 0) {
    console.error(`No client named ${unknown.join(', ')}. Clients: ${CLIENT_ADAPTERS.map((a) => a.id).join(', ')}`);
    process.exit(2);
  }
  const adapters = wanted.length === 0 ? CLIENT_ADAPTERS : CLIENT_ADAPTERS.filter((a) => wanted.includes(a.id));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // The run API is rate-limited like the sandbox; one machine sending every client's requests is not abuse.
  const server = await startServer({ SANDBOX_SECRET: crypto.randomBytes(32).toString('hex'), SANDBOX_RATE_LIMIT: 'off' });
  const lab = { origin: clientOrigin(server.baseUrl) };
  const rows: Parameters<typeof table>[0] = [];
  try {
    for (const adapter of adapters) {
      const version = await adapter.version();
      if (version === undefined) {
        console.log(`${adapter.id}: skipped, ${adapter.name} is not installed (scripts/compat/install-clients.sh installs it).`);
        rows.push({ id: adapter.id, version: 'not installed', summary: undefined });
        continue;
      }
      const began = Date.now();
      try {
        const { report, notes } = await driveClient(adapter, lab);
        if (report.summary.pending === report.cases.length) throw new Error(`no case received a request: ${[...notes.values()][0] ?? ''}`);
        if (report.summary.pending > 0) console.warn(`${adapter.id}: ${report.summary.pending} cases received no request (see their notes).`);
        const results = clientResults(
          { id: adapter.id, name: adapter.name, version, configuration: adapter.configuration },
          report,
          notes,
          platform(),
          new Date(),
        );
        const file = path.join(RESULTS_DIR, `${adapter.id}.json`);
        fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
        console.log(`${adapter.id} (${version}): ${((Date.now() - began) / 1000).toFixed(1)} s, ${path.relative(root, file)}`);
        rows.push({ id: adapter.id, version, summary: results.summary });
      } catch (error) {
        // One client that cannot be driven (javac or go build failing) leaves the others' results standing.
        console.error(`${adapter.id}: not measured, ${error instanceof Error ? error.message : String(error)}`);
        rows.push({ id: adapter.id, version: `${version} (failed)`, summary: undefined });
        process.exitCode = 1;
      } finally {
        await adapter.close?.();
      }
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  console.log(`\n${table(rows)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
