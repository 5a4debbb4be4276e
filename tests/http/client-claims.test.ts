// What lesson 05 ("What other clients answer") says about Digest clients, observed: each client runs
// against the lab's /api/sandbox/digest through a loopback relay that records what it sent. One row
// per (client, scenario): the requests the client sent, as describeAnswer writes them ("none" = no
// Authorization; "MD5, qop=auth"; "no algorithm" and "no qop" when the client left them out), and
// how it ended (the final status, or the error it raised). Versions: Debian 12's curl 7.88, wget 1.21,
// libwww-perl 6.68, Python 3.11 (urllib, requests 2.34), OpenJDK 17.
import { collapseRepeats, describeAnswer } from './support/digest-answer';
import { CLIENTS, getWithDigest, type ClientName, type ClientOutcome } from './support/digest-clients';
import { removeCompiledJava } from './support/java';
import { baseUrl } from './support/lab';
import { startRecordingRelay } from './support/recording-relay';

/** Challenges the lab sends for a query (lib/sandbox/scenario/overrides.ts): one per algorithm, in order. */
const SCENARIOS = {
  MD5: '?algorithm=MD5',
  'MD5-sess': '?algorithm=MD5-sess',
  'SHA-256': '?algorithm=SHA-256',
  'SHA-256-sess': '?algorithm=SHA-256-sess',
  'SHA-512-256': '?algorithm=SHA-512-256',
  'SHA-512-256-sess': '?algorithm=SHA-512-256-sess',
  // RFC 7616 §3.7: one challenge per algorithm, preferred first; the lab's default order.
  'SHA-256, then MD5': '?algorithm=SHA-256,MD5',
  'MD5, then SHA-256': '?algorithm=MD5,SHA-256',
  // RFC 7616 §3.3: qop lists what the server accepts; the lab writes the list as "auth, auth-int".
  'qop="auth, auth-int"': '?algorithm=MD5&qop=auth,auth-int',
  'qop="auth-int" only': '?algorithm=MD5&qop=auth-int',
  'a wrong password': '?algorithm=MD5',
} as const;
type Scenario = keyof typeof SCENARIOS;

type Observation = { sent: string[]; outcome: ClientOutcome };
const saw = (outcome: ClientOutcome, ...sent: string[]): Observation => ({ sent, outcome });

// prettier-ignore
const CLAIMS: Record<ClientName, Partial<Record<Scenario, Observation>>> = {
  curl: {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    'MD5-sess': saw(200, 'none', 'MD5-sess, qop=auth'),
    'SHA-256': saw(200, 'none', 'SHA-256, qop=auth'),
    'SHA-256-sess': saw(200, 'none', 'SHA-256-sess, qop=auth'),
    // curl 7.88 names SHA-512-256 but hashes with SHA-256 (lesson 05, "Algorithms").
    'SHA-512-256': saw(401, 'none', 'SHA-512-256, qop=auth'),
    'SHA-512-256-sess': saw(401, 'none', 'SHA-512-256-sess, qop=auth'),
    'SHA-256, then MD5': saw(200, 'none', 'SHA-256, qop=auth'),
    'MD5, then SHA-256': saw(200, 'none', 'MD5, qop=auth'),
    'qop="auth, auth-int"': saw(200, 'none', 'MD5, qop=auth'),
    // A GET's body is empty, so curl's auth-int hash (always of an empty body) happens to be right.
    'qop="auth-int" only': saw(200, 'none', 'MD5, qop=auth-int'),
    'a wrong password': saw(401, 'none', 'MD5, qop=auth'),
  },
  wget: {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    'MD5-sess': saw(200, 'none', 'MD5-sess, qop=auth'),
    // Any other algorithm: an MD5 answer without the algorithm parameter, which the lab reads as MD5.
    'SHA-256': saw(401, 'none', 'no algorithm, qop=auth'),
    'SHA-256-sess': saw(401, 'none', 'no algorithm, qop=auth'),
    'SHA-512-256': saw(401, 'none', 'no algorithm, qop=auth'),
    'SHA-512-256-sess': saw(401, 'none', 'no algorithm, qop=auth'),
    // The last challenge: MD5 here, SHA-256 below (answered with MD5 again, so the lab accepts it as MD5).
    'SHA-256, then MD5': saw(200, 'none', 'MD5, qop=auth'),
    'MD5, then SHA-256': saw(200, 'none', 'no algorithm, qop=auth'),
    'qop="auth, auth-int"': saw(400, 'none', 'MD5, no qop'),
    'qop="auth-int" only': saw(400, 'none', 'MD5, no qop'),
    'a wrong password': saw(401, 'none', 'MD5, qop=auth'),
  },
  LWP: {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    // LWP::Authen::Digest always hashes with MD5 and says so, whatever the challenge asked for.
    'MD5-sess': saw(401, 'none', 'MD5, qop=auth'),
    'SHA-256': saw(401, 'none', 'MD5, qop=auth'),
    'SHA-256-sess': saw(401, 'none', 'MD5, qop=auth'),
    'SHA-512-256': saw(401, 'none', 'MD5, qop=auth'),
    'SHA-512-256-sess': saw(401, 'none', 'MD5, qop=auth'),
    'SHA-256, then MD5': saw(200, 'none', 'MD5, qop=auth'),
    'MD5, then SHA-256': saw(200, 'none', 'MD5, qop=auth'),
    // It matches qop against "auth" or "auth,auth-int" exactly: the space after the comma defeats it
    // (the spelling without the space is the next describe block).
    'qop="auth, auth-int"': saw(400, 'none', 'MD5, no qop'),
    'qop="auth-int" only': saw(400, 'none', 'MD5, no qop'),
    'a wrong password': saw(401, 'none', 'MD5, qop=auth'),
  },
  urllib: {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    // HTTPDigestAuthHandler reads the first challenge only and knows MD5 and SHA (SHA-1): anything else
    // raises ValueError from urlopen, without a second request.
    'MD5-sess': saw('ValueError', 'none'),
    'SHA-256': saw('ValueError', 'none'),
    'SHA-256-sess': saw('ValueError', 'none'),
    'SHA-512-256': saw('ValueError', 'none'),
    'SHA-512-256-sess': saw('ValueError', 'none'),
    'SHA-256, then MD5': saw('ValueError', 'none'),
    'MD5, then SHA-256': saw(200, 'none', 'MD5, qop=auth'),
    'qop="auth, auth-int"': saw(200, 'none', 'MD5, qop=auth'),
    'qop="auth-int" only': saw('URLError', 'none'),
    // It retries a refused answer until its own limit, then raises HTTPError (a 401).
    'a wrong password': saw(401, 'none', 'MD5, qop=auth ×6'),
  },
  requests: {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    'MD5-sess': saw(200, 'none', 'MD5-sess, qop=auth'),
    'SHA-256': saw(200, 'none', 'SHA-256, qop=auth'),
    // An algorithm it does not know: it sends the request again without Authorization.
    'SHA-256-sess': saw(401, 'none ×2'),
    'SHA-512-256': saw(401, 'none ×2'),
    'SHA-512-256-sess': saw(401, 'none ×2'),
    // It parses the joined WWW-Authenticate as one list, so the last challenge's parameters win.
    'SHA-256, then MD5': saw(200, 'none', 'MD5, qop=auth'),
    'MD5, then SHA-256': saw(200, 'none', 'SHA-256, qop=auth'),
    'qop="auth, auth-int"': saw(200, 'none', 'MD5, qop=auth'),
    'qop="auth-int" only': saw(401, 'none ×2'),
    // One answer; a second 401 is returned as it is.
    'a wrong password': saw(401, 'none', 'MD5, qop=auth'),
  },
  'Java HttpURLConnection': {
    MD5: saw(200, 'none', 'MD5, qop=auth'),
    'MD5-sess': saw(200, 'none', 'MD5-sess, qop=auth'),
    'SHA-256': saw(200, 'none', 'SHA-256, qop=auth'),
    // Not supported in 17: no second request at all, and the 401 is returned.
    'SHA-256-sess': saw(401, 'none'),
    'SHA-512-256': saw(401, 'none'),
    'SHA-512-256-sess': saw(401, 'none'),
    'SHA-256, then MD5': saw(200, 'none', 'MD5, qop=auth'),
    'MD5, then SHA-256': saw(200, 'none', 'SHA-256, qop=auth'),
    'qop="auth, auth-int"': saw(200, 'none', 'MD5, qop=auth'),
    'qop="auth-int" only': saw(400, 'none', 'MD5, no qop'),
    // The Authenticator is asked again after every 401, and gives the same password again.
    'a wrong password': saw(401, 'none', 'MD5, qop=auth ×19'),
  },
  'Java HttpClient': {
    // java.net.http.HttpClient's authenticator answers Basic only.
    MD5: saw(401, 'none'),
    'SHA-256': saw(401, 'none'),
  },
};

const cases = CLIENTS.flatMap((client) =>
  Object.entries(CLAIMS[client]).map(([scenario, expected]) => ({ client, scenario: scenario as Scenario, expected: expected as Observation })),
);

afterAll(() => removeCompiledJava());

const ALICE = { realm: 'reports', user: 'alice', password: 'wonderland' };

/** Runs `client` through a fresh relay to the lab and reports what it sent and how it ended. */
async function observe(client: ClientName, query: string, credentials: typeof ALICE, rewriteChallenge?: (value: string) => string): Promise<Observation> {
  const relay = await startRecordingRelay(baseUrl(), rewriteChallenge);
  try {
    const outcome = await getWithDigest(client, `${relay.baseUrl}/api/sandbox/digest${query}`, credentials);
    return { sent: collapseRepeats(relay.requests().map((request) => describeAnswer(request.authorization))), outcome };
  } finally {
    await relay.close();
  }
}

describe('Digest clients against the sandbox (lesson 05, "What other clients answer")', () => {
  // Concurrent: each case is a separate process and relay; the lab serves them all.
  test.concurrent.each(cases)('$client, $scenario', async ({ client, scenario, expected }) => {
    const credentials = scenario === 'a wrong password' ? { ...ALICE, password: 'looking-glass' } : ALICE;
    expect(await observe(client, SCENARIOS[scenario], credentials)).toEqual(expected);
  });
});

describe('the same qop list without the space after the comma', () => {
  // RFC 9110 §5.6.1: optional whitespace around a list's commas; "auth,auth-int" is the same list.
  const withoutSpace = (challenge: string) => challenge.replace('qop="auth, auth-int"', 'qop="auth,auth-int"');

  test.concurrent.each([
    ['LWP', saw(200, 'none', 'MD5, qop=auth')],
    ['wget', saw(400, 'none', 'MD5, no qop')],
  ] as const)('%s', async (client, expected) => {
    expect(await observe(client, SCENARIOS['qop="auth, auth-int"'], ALICE, withoutSpace)).toEqual(expected);
  });
});
