// The rows of `npm run bench:sandbox` (issue #23): what each sends the sandbox, the status it must get,
// its goal, and how its response is captured
// at start (the row's request sent once) so the raw server can replay exactly that.
import {
  BEARER_PATH,
  CLIENT_BASIC,
  DIGEST_URI,
  TOKEN_FORM,
  TOKEN_PATH,
  USER,
  PASSWORD,
  digestConnections,
  digestSigner,
  issueToken,
  request,
} from './sandbox-client.mjs';

/** The longest life the token endpoint grants (its expires_in extension): row 7's token must outlast the run. */
export const LONG_TOKEN_SECONDS = 86_400;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
/** The playground's two-hop auto conversation (bench/playground-send.mjs): 407, 401, then 200. */
const EXCHANGE_BODY = JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/proxy' }, mode: 'auto' });

/**
 * @typedef {{ method: string; path: string; headers?: Record<string, string>; body?: string }} RowRequest
 * @typedef {{ kind: 'ratio'; min: number } | { kind: 'p50'; belowMs: number }} Goal
 * @typedef {(client: { setRequests: (requests: object[]) => void }) => void} ConnectionSetup
 * @typedef {{
 *   id: string;
 *   what: string;
 *   request: RowRequest;
 *   expected: number;
 *   connections: number;
 *   goal: Goal;
 *   perConnection?: (baseUrl: string, connections: number) => Promise<ConnectionSetup>;
 * }} Row
 */

const get = (/** @type {string} */ path, /** @type {Record<string, string>} */ headers = {}) => ({ method: 'GET', path, headers });
const ratio = (/** @type {number} */ min) => /** @type {Goal} */ ({ kind: 'ratio', min });

/**
 * Every row, in the issue's order. Issues the long-lived token row 7 sends, so it needs the server.
 * @param {string} baseUrl
 * @returns {Promise<Row[]>}
 */
export async function sandboxRows(baseUrl) {
  const token = await issueToken(baseUrl, `${TOKEN_FORM}&expires_in=${LONG_TOKEN_SECONDS}`);
  const signedOnce = (await digestSigner(baseUrl))();
  const aliceBasic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  return [
    { id: 'basic-401', what: 'no credentials: the prepared 401', request: get('/api/sandbox/basic'), expected: 401, connections: 50, goal: ratio(0.9) },
    {
      id: 'basic-realm-401',
      what: 'one override (?realm=x): 401',
      request: get('/api/sandbox/basic?realm=x'),
      expected: 401,
      connections: 50,
      goal: ratio(0.5),
    },
    { id: 'digest-401', what: 'Digest challenge, fresh nonce', request: get('/api/sandbox/digest'), expected: 401, connections: 50, goal: ratio(0.8) },
    { id: 'digest-sha256-401', what: 'Digest SHA-256 challenge', request: get(DIGEST_URI), expected: 401, connections: 50, goal: ratio(0.8) },
    {
      id: 'basic-200',
      what: 'alice:wonderland',
      request: get('/api/sandbox/basic', { Authorization: aliceBasic }),
      expected: 200,
      connections: 50,
      goal: ratio(0.5),
    },
    { id: 'bearer-401', what: 'no token: Bearer challenge', request: get(BEARER_PATH), expected: 401, connections: 50, goal: ratio(0.5) },
    {
      id: 'bearer-200',
      what: 'a valid token, scope read',
      request: get(BEARER_PATH, { Authorization: `Bearer ${token}` }),
      expected: 200,
      connections: 50,
      goal: ratio(0.5),
    },
    {
      id: 'digest-200',
      what: 'signed SHA-256, a nonce per connection',
      // The raw side gets this one signature on every request, so both sides read the same bytes; the
      // sandbox side signs each request with its connection's own nonce and the next nc (below).
      request: get(DIGEST_URI, { Authorization: signedOnce }),
      expected: 200,
      connections: 50,
      goal: ratio(0.5),
      // With one shared nonce the connections' nc values would reach the server out of order (replays).
      perConnection: digestConnections,
    },
    {
      id: 'token-200',
      what: 'client credentials, Basic client auth',
      request: { method: 'POST', path: TOKEN_PATH, headers: { Authorization: CLIENT_BASIC, ...FORM }, body: TOKEN_FORM },
      expected: 200,
      connections: 50,
      goal: ratio(0.5),
    },
    {
      id: 'exchange-200',
      what: 'two-hop auto conversation (407, 401, 200)',
      request: { method: 'POST', path: '/api/exchange', headers: { 'Content-Type': 'application/json' }, body: EXCHANGE_BODY },
      expected: 200,
      connections: 10,
      goal: { kind: 'p50', belowMs: 2 },
    },
  ];
}

/**
 * One response of the row from the sandbox, as the raw server will replay it.
 * @param {Row} row @param {string} baseUrl
 */
export function captureRow(row, baseUrl) {
  const { method, path, headers = {}, body } = row.request;
  return request(new URL(path, baseUrl), { method, headers, body });
}

/** @param {Row} row */
export const describeRequest = ({ request: { method, path, headers = {}, body } }) =>
  [`${method} ${path}`, ...Object.keys(headers).map((name) => `+${name}`), ...(body ? [`body ${body.length} B`] : [])].join(' ');
