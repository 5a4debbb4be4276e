import { caseCurlCommand } from '@/lib/clients/case-command';
import type { StartedCase } from '@/lib/clients/run-api';

// The curl command the page shows for each case: configured as a user configures curl for it (as
// tests/http/compat-run-curl.test.ts drives curl against the real lab), quoted for a POSIX shell.

const URL_ = 'http://localhost:3000/api/sandbox/runs/Qk9CYm9iQk9CYm9iQk9CYm/cases';
const alice = { username: 'alice', password: 'wonderland' };
const aCase = (over: Partial<StartedCase>): StartedCase => ({
  id: 'basic-plain',
  title: 't',
  group: 'basic',
  url: `${URL_}/basic-plain`,
  credentials: alice,
  request: { method: 'GET' },
  ...over,
});

describe('caseCurlCommand', () => {
  test('a user and password: --anyauth waits for the challenge and lets curl pick the scheme', () => {
    expect(caseCurlCommand(aCase({}))).toBe(`curl -i -L --anyauth -u alice:wonderland ${URL_}/basic-plain`);
  });

  test('a password outside ASCII is quoted for the shell, as typed', () => {
    expect(caseCurlCommand(aCase({ credentials: { username: 'alice', password: 'wönderländ' } }))).toContain("-u 'alice:wönderländ'");
  });

  test('a Bearer token goes in an Authorization header (curl cannot wait for a Bearer challenge)', () => {
    expect(caseCurlCommand(aCase({ credentials: { ...alice, token: 'compat-token-alice' } }))).toBe(
      `curl -i -L -H 'Authorization: Bearer compat-token-alice' ${URL_}/basic-plain`,
    );
  });

  test('a proxy case names the lab as the proxy, with its own credentials', () => {
    const command = caseCurlCommand(aCase({ group: 'proxy', url: `${URL_}/proxy-basic-then-origin-basic` }));
    expect(command).toBe(
      `curl -i -L --anyauth -u alice:wonderland -x http://localhost:3000 --proxy-anyauth -U alice:wonderland ${URL_}/proxy-basic-then-origin-basic`,
    );
  });

  test('a body makes it a POST (no -X needed); other methods are named; HEAD is -I', () => {
    expect(caseCurlCommand(aCase({ request: { method: 'POST', body: 'name=alice&note=hello' } }))).toBe(
      `curl -i -L --anyauth -u alice:wonderland --data-binary 'name=alice&note=hello' ${URL_}/basic-plain`,
    );
    expect(caseCurlCommand(aCase({ request: { method: 'PUT', body: 'x' } }))).toContain(' -X PUT --data-binary x ');
    expect(caseCurlCommand(aCase({ request: { method: 'HEAD' } }))).toContain(' -I ');
  });
});
