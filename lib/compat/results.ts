import fs from 'node:fs';
import path from 'node:path';
import { clientResultsSchema, type ClientResults } from './results-schema';

// The measured results of real clients (content/compat/results/<client>.json, written by `npm run compat`),
// read once on the server and validated: a broken file stops the build with its name and the problem.

export const COMPAT_RESULTS_DIR = path.join(process.cwd(), 'content', 'compat', 'results');

export function loadClientResults(dir: string = COMPAT_RESULTS_DIR): ClientResults[] {
  // Read while pages are prerendered; turbopackIgnore keeps the build from tracing the whole project here.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = clientResultsSchema.safeParse(JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), 'utf8')));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        throw new Error(`content/compat/results/${name} is not valid results data: ${issues}`);
      }
      return parsed.data;
    });
}
