// content/compat/results/*.json, written by `npm run compat` (scripts/compat/run.ts): each file is valid
// against lib/compat/results-schema.ts, names the client it holds, covers exactly the cases of
// content/compat/cases.yaml (a case added or renamed since the run shows here: run `npm run compat`), and
// carries no password or token of the lab's test users.
import fs from 'node:fs';
import path from 'node:path';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { clientResultsSchema, type ClientResults } from '@/lib/compat/results-schema';
import { CLIENT_ADAPTERS } from '@/scripts/compat/clients';

const dir = path.join(process.cwd(), 'content', 'compat', 'results');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

test('every client `npm run compat` knows (scripts/compat/clients) has its results, the two browsers included', () => {
  expect(files.toSorted()).toEqual(CLIENT_ADAPTERS.map((adapter) => `${adapter.id}.json`).toSorted());
  expect(files).toEqual(expect.arrayContaining(['curl.json', 'python-requests.json', 'node-fetch.json', 'chromium.json', 'firefox-esr.json']));
});

describe.each(files)('%s', (name) => {
  const parsed = clientResultsSchema.safeParse(read(name));
  const results = parsed.data as ClientResults;

  test('matches the results schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test('is named after its client id', () => {
    expect(`${results.client.id}.json`).toBe(name);
  });

  test('covers every case of cases.yaml, each graded (run `npm run compat` after changing the cases)', () => {
    expect(results.cases.map((c) => c.id).sort()).toEqual(COMPAT_CASES.map((c) => c.id).sort());
    expect(results.cases.filter((c) => c.verdict === 'pending').map((c) => c.id)).toEqual([]);
  });

  // The explanations quote the cases' own prose, which may spell out a test password; what was recorded may not.
  test('records no password or token of the lab’s test users, and no run id', () => {
    const text = JSON.stringify(results.cases.map((c) => [c.requests, c.note]));
    const secrets = [...new Set(COMPAT_CASES.flatMap((c) => [c.credentials.password, c.credentials.token ?? '']).filter(Boolean))];
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(text).not.toMatch(/\/runs\/(?!\{run\})[^/"]+\/cases/);
  });
});

describe('the schema refuses what a hand edit could break', () => {
  const [first] = files;
  const valid = () => JSON.parse(JSON.stringify(read(first ?? 'curl.json'))) as ClientResults;

  test('a summary that does not count the verdicts', () => {
    const edited = valid();
    edited.summary.follows += 1;
    expect(clientResultsSchema.safeParse(edited).error?.issues.map((i) => i.path.join('.'))).toEqual(['summary.follows']);
  });

  test('a case listed twice', () => {
    const edited = valid();
    const [c] = edited.cases;
    if (!c) throw new Error('no cases');
    edited.cases.push({ ...c });
    edited.summary[c.verdict] += 1;
    expect(clientResultsSchema.safeParse(edited).error?.issues.map((i) => i.path.join('.'))).toEqual([`cases.${edited.cases.length - 1}.id`]);
  });

  test('a verdict the grader never gives', () => {
    const edited = valid();
    (edited.cases[0] as { verdict: string }).verdict = 'pass';
    expect(clientResultsSchema.safeParse(edited).error?.issues.map((i) => i.path.join('.'))).toEqual(['cases.0.verdict']);
  });
});
