/** @jest-environment node */
// The /api page's curl lines run for real against the production server: each must end in the status the
// page says to expect (its "expect 401" badge). The lines are the page's own (curlExamples), so a wrong
// badge, a quoting mistake or an endpoint that changed fails here. Only loopback is contacted: the lab is
// the only server, and the only proxy (a CONNECT elsewhere is refused by the lab before anything leaves).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { curlExamples, type CurlExample } from '@/app/(site)/api/_components/examples';
import { openApiDocument } from '@/lib/sandbox/openapi/document';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { baseUrl } from './support/lab';

const run = promisify(execFile);

/** The examples a shell can run here: the one piped through jq needs jq, which the machine may lack. */
function runnable(): Array<[string, CurlExample]> {
  const examples = curlExamples(openApiDocument(SANDBOX_ROUTES), new URL(baseUrl()));
  return Object.entries(examples).flatMap(([id, list]) =>
    list.filter((example) => !example.command.includes('| jq')).map((example) => [id, example] as [string, CurlExample]),
  );
}

/** The final status: the last response's, or the CONNECT's when the tunnel was refused (curl then has no http_code). */
async function finalStatus(command: string, token: string): Promise<number> {
  const script = `${command} -sS -o /dev/null -w 'status:%{http_code}:%{http_connect}\\n'`;
  const { stdout } = await run('bash', ['-c', script], { env: { ...process.env, TOKEN: token }, timeout: 15_000 }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
  const last = [...stdout.matchAll(/status:(\d{3}):(\d{3})/g)].at(-1);
  if (!last) throw new Error(`no status from: ${command}\n${stdout}`);
  return last[1] === '000' ? Number(last[2]) : Number(last[1]);
}

let token = '';

beforeAll(async () => {
  const response = await fetch(`${baseUrl()}/api/sandbox/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa('alice:wonderland')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=read',
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});

test.each(runnable().map(([id, example]) => [id, example.caption, example] as const))('%s: %s', async (_, __, example) => {
  expect(await finalStatus(example.command, token)).toBe(example.expect);
});
