// Lints every case the import-rules test gives it in one process: ESLint and its TypeScript parser load
// once (about 1.5 s) instead of once per case. Reads [{ files } | { text, filePath, rules }] as JSON on
// stdin and prints, per case, the rule ids ESLint reported, as `npm run lint` runs them (the tree's own
// eslint.config.mjs; --no-ignore, since the fixtures are kept out of the tree's lint run).
import { ESLint } from 'eslint';

const cases = JSON.parse(
  await new Promise((resolve) => {
    let input = '';
    process.stdin
      .setEncoding('utf8')
      .on('data', (chunk) => (input += chunk))
      .on('end', () => resolve(input));
  }),
);

const ruleIds = (results) => results.map((result) => result.messages.map((message) => message.ruleId));
// One ESLint per distinct rule override: an instance keeps its parser's work between the cases it lints.
const instances = new Map();
const eslintFor = (rules) => {
  const key = JSON.stringify(rules ?? {});
  if (!instances.has(key)) instances.set(key, new ESLint({ ignore: false, overrideConfig: rules ? { rules } : undefined }));
  return instances.get(key);
};
const out = [];
for (const item of cases) {
  const eslint = eslintFor(item.rules);
  out.push(ruleIds(item.files ? await eslint.lintFiles(item.files) : await eslint.lintText(item.text, { filePath: item.filePath })));
}
process.stdout.write(JSON.stringify(out));
