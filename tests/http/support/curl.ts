// curl as a learner runs it, for the HTTP and browser tests against the production server: every
// response curl received (with --digest, --anyauth or a proxy there are several) and the final body.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type Header = [name: string, value: string];
/** One HTTP response curl received: with --digest or --anyauth there are two (the 401, then the answer). */
export type CurlResponse = { status: number; headers: Header[] };
export type CurlResult = CurlResponse & { responses: CurlResponse[]; body: string; verbose: string };

/** Runs curl with `-s -D - --max-time 10` and splits what it printed into responses and the final body. */
export async function curl(args: string[], options: { verbose?: boolean } = {}): Promise<CurlResult> {
  const flags = ['-s', '-D', '-', '--max-time', '10', ...(options.verbose ? ['-v'] : [])];
  const { stdout, stderr } = await run('curl', [...flags, ...args], { encoding: 'utf8' });
  const responses: CurlResponse[] = [];
  let rest = stdout;
  while (rest.startsWith('HTTP/')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) throw new Error(`curl printed an unterminated header block:\n${rest}`);
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers = lines.map((line): Header => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    responses.push({ status, headers });
    rest = rest.slice(end + 4);
  }
  const last = responses.at(-1);
  if (!last) throw new Error(`curl printed no response (stderr: ${stderr})`);
  return { ...last, responses, body: rest, verbose: stderr };
}

/** Every value of a header, one per field line, in order. */
export const values = (response: CurlResponse, name: string) =>
  response.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
export const single = (response: CurlResponse, name: string) => {
  const found = values(response, name);
  expect(found).toHaveLength(1);
  return found[0] ?? '';
};
export const json = (result: CurlResult) => JSON.parse(result.body) as Record<string, unknown>;
