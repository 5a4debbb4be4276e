// What lesson 08 ("curl: --anyauth picks the most secure") says about curl choosing among several
// challenges, observed against the lab: with --anyauth curl first asks without credentials, then answers
// the strongest scheme it can, whatever the order the server listed them in (RFC 9110 §11.6.1 leaves the
// choice to the client). Debian 12's curl 7.88.
import { curl } from './support/curl';
import { baseUrl } from './support/lab';

const PRESET = '/api/sandbox/presets/several-challenges';

/** The scheme of each Authorization field curl sent, in order ("none" for a request without one). */
function schemesSent(verbose: string): string[] {
  const requests = verbose.split(/^> (?=[A-Z]+ \S+ HTTP\/)/m).slice(1);
  return requests.map((request) => /^> Authorization: (\S+)/im.exec(request)?.[1] ?? 'none');
}

describe('curl --anyauth among several challenges (lesson 08)', () => {
  test.each([
    ['the preset’s order (Digest, Bearer, Basic)', '', ['Digest', 'Bearer', 'Basic']],
    ['Basic listed first', '?schemes=basic,digest', ['Basic', 'Digest']],
  ])('%s: no credentials first, then Digest, and a 200', async (_name, query, offered) => {
    const result = await curl(['--anyauth', '-u', 'alice:wonderland', `${baseUrl()}${PRESET}${query}`], { verbose: true });
    const challenges = result.responses[0]?.headers.filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, value]) => value.split(' ')[0]);
    expect(challenges).toEqual(offered);
    expect(schemesSent(result.verbose)).toEqual(['none', 'Digest']);
    expect(result.responses.map((response) => response.status)).toEqual([401, 200]);
  });

  test('with -u alone curl sends Basic at once, without waiting for a challenge', async () => {
    const result = await curl(['-u', 'alice:wonderland', `${baseUrl()}${PRESET}`], { verbose: true });
    expect(schemesSent(result.verbose)).toEqual(['Basic']);
    expect(result.status).toBe(200);
  });
});
