/** @jest-environment node */
// The compatibility matrix's CI check (issue 21): the clients CI installs anyway (scripts/ensure-test-tools.sh)
// are run through a fresh run of the lab by the same adapters `npm run compat` uses, and each case's verdict
// must equal the committed one in content/compat/results/<client>.json. A lab change that breaks a client,
// or a client upgrade, shows here as a list of cases with the committed verdict, the new one and the lab's
// explanation; if the change is right, re-run `npm run compat` and commit the data diff. The other clients
// are left to `npm run compat`: each starts an interpreter or a JVM per case, about 0.2 s of CPU each on
// the 2-core test machine (Python requests alone takes 5 to 8 s there). Chromium and Firefox ESR are
// launched by their adapters, once each for the file (Firefox a second time, as its proxy-configured
// profile, for the 407 cases), a fresh context per case: about 20 s each.
import fs from 'node:fs';
import path from 'node:path';
import { clientResultsSchema } from '@/lib/compat/results-schema';
import type { ClientAdapter } from '@/scripts/compat/adapter';
import { chromium } from '@/scripts/compat/clients/chromium';
import { curl } from '@/scripts/compat/clients/curl';
import { firefoxEsr } from '@/scripts/compat/clients/firefox-esr';
import { nodeFetch } from '@/scripts/compat/clients/node-fetch';
import { pythonRequests } from '@/scripts/compat/clients/python-requests';
import { wget } from '@/scripts/compat/clients/wget';
import { clientOrigin, driveClient } from '@/scripts/compat/drive';
import { baseUrl } from './support/lab';

const CHECKED: readonly ClientAdapter[] = [curl, wget, pythonRequests, nodeFetch, chromium, firefoxEsr];

afterAll(async () => {
  await Promise.all(CHECKED.map((adapter) => adapter.close?.()));
});

const committed = (id: string) =>
  clientResultsSchema.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'content', 'compat', 'results', `${id}.json`), 'utf8')));

test.each(CHECKED.map((adapter) => [adapter.id, adapter] as const))(
  '%s: every case’s verdict is the committed one',
  async (_id, adapter) => {
    const version = await adapter.version();
    if (version === undefined) throw new Error(`${adapter.name} is not installed: run scripts/ensure-test-tools.sh`);
    const before = committed(adapter.id);
    const { report, notes } = await driveClient(adapter, { origin: clientOrigin(baseUrl()) });
    const upgraded = version === before.client.version ? '' : ` (committed with ${before.client.version}, now ${version})`;
    const differences = report.cases.flatMap((now) => {
      const then = before.cases.find((c) => c.id === now.id);
      if (then?.verdict === now.verdict) return [];
      return [`${now.id}: committed ${then?.verdict ?? 'nothing'}, now ${now.verdict}${upgraded}. ${now.explanation} (${notes.get(now.id) ?? 'not run'})`];
    });
    expect(differences).toEqual([]);
  },
  // A browser's run, on the 2-core machine shared with other work.
  90_000,
);
