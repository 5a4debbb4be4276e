// What the load scripts (bench/sandbox.mjs, bench/soak.mjs) and the two-instance test share: plain
// node:http requests that keep repeated header lines apart, and an RFC 7616 Digest client (SHA-256,
// qop=auth) small enough to be independent of lib/http-auth, so a bug there cannot hide in the load.
import crypto from 'node:crypto';
import http from 'node:http';

/** A user of the digest and bearer presets (lib/sandbox/scenario/presets.ts). */
export const USER = 'alice';
export const PASSWORD = 'wonderland';
export const DIGEST_URI = '/api/sandbox/digest?algorithm=SHA-256';

/**
 * One request with node:http (not fetch), so repeated header field lines stay separate and in order.
 * `headers` as a flat [name, value, …] list sends each field line as listed, repeated ones apart (node:http
 * then adds no Host of its own: list one).
 * @param {string | URL} url
 * @param {{ method?: string; headers?: Record<string, string> | string[]; body?: string }} [options]
 * @returns {Promise<{ status: number; headers: [string, string][]; body: string }>}
 */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        /** @type {[string, string][]} */
        const fields = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) fields.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? '']);
        resolve({ status: response.statusCode ?? 0, headers: fields, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** @param {string | URL} url @param {Record<string, string>} [headers] */
export const get = (url, headers = {}) => request(url, { headers });

/** @param {[string, string][]} headers @param {string} name */
export const fieldValues = (headers, name) => headers.filter(([field]) => field.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

// ---- Digest (RFC 7616, SHA-256, qop=auth) ------------------------------------------------------------

/** @param {string} text */
const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
/** @param {string} text */
const quote = (text) => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/** @param {string} challenge @returns {Record<string, string>} */
export function digestParams(challenge) {
  /** @type {Record<string, string>} */
  const params = {};
  for (const [, name = '', quoted, token = ''] of challenge.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g)) {
    params[name.toLowerCase()] = quoted === undefined ? token : quoted.replace(/\\(.)/g, '$1');
  }
  return params;
}

/**
 * The SHA-256 Digest challenge of a fresh 401 from `baseUrl` (the realm, nonce and opaque to answer).
 * @param {string} baseUrl
 */
export async function digestChallenge(baseUrl) {
  const response = await get(new URL(DIGEST_URI, baseUrl));
  const challenge = fieldValues(response.headers, 'WWW-Authenticate')
    .filter((value) => /^Digest\s/i.test(value))
    .map(digestParams)
    .find((params) => params.algorithm?.toUpperCase() === 'SHA-256');
  if (response.status !== 401 || !challenge?.nonce || !challenge.realm) {
    throw new Error(`GET ${DIGEST_URI} did not answer 401 with a SHA-256 Digest challenge (status ${response.status})`);
  }
  if (!(challenge.qop ?? '').split(/\s*,\s*/).includes('auth')) throw new Error(`the Digest challenge does not offer qop=auth: ${JSON.stringify(challenge)}`);
  return { realm: challenge.realm, nonce: challenge.nonce, opaque: challenge.opaque };
}

/**
 * A function signing the next GET of DIGEST_URI with one nonce (nc 1, 2, ...). The nonce may come from
 * another instance than the one the requests go to: that is what the two-instance test checks.
 * @param {{ realm: string; nonce: string; opaque?: string }} challenge
 */
export function digestSignerFor({ realm, nonce, opaque }) {
  const ha1 = sha256(`${USER}:${realm}:${PASSWORD}`);
  const ha2 = sha256(`GET:${DIGEST_URI}`);
  const cnonce = crypto.randomBytes(12).toString('hex');
  let count = 0;
  return () => {
    count += 1;
    const nc = count.toString(16).padStart(8, '0');
    const digest = sha256(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
    const params = [
      `username=${quote(USER)}`,
      `realm=${quote(realm)}`,
      `uri=${quote(DIGEST_URI)}`,
      'algorithm=SHA-256',
      `nonce=${quote(nonce)}`,
      `nc=${nc}`,
      `cnonce=${quote(cnonce)}`,
      'qop=auth',
      `response=${quote(digest)}`,
      ...(opaque === undefined ? [] : [`opaque=${quote(opaque)}`]),
    ];
    return `Digest ${params.join(', ')}`;
  };
}

/** A fresh nonce from the sandbox's 401, and a function signing the next request with it. @param {string} baseUrl */
export async function digestSigner(baseUrl) {
  return digestSignerFor(await digestChallenge(baseUrl));
}

/**
 * `count` signers, one per autocannon connection, and the setupClient hook handing each connection its
 * own: with one shared nonce the connections' nc values would reach the server out of order and be
 * refused as replays (RFC 7616 §3.4: the server may reject a repeated or lower nc).
 * @param {string} baseUrl
 * @param {number} count
 */
export async function digestConnections(baseUrl, count) {
  const signers = [];
  for (let i = 0; i < count; i++) signers.push(await digestSigner(baseUrl));
  /** @param {{ setRequests: (requests: object[]) => void }} client */
  return (client) => {
    const sign = signers.shift();
    if (!sign) throw new Error('more connections than Digest nonces');
    client.setRequests([
      {
        method: 'GET',
        path: DIGEST_URI,
        setupRequest: (/** @type {{ headers?: object }} */ request) => ({ ...request, headers: { ...request.headers, Authorization: sign() } }),
      },
    ]);
  };
}

// ---- Bearer tokens (RFC 6749 §4.4 client credentials, RFC 6750) ---------------------------------------

/** Basic credentials of alice, as the token endpoint's client authentication (RFC 6749 §2.3.1). */
export const CLIENT_BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
export const TOKEN_PATH = '/api/sandbox/token';
export const TOKEN_FORM = 'grant_type=client_credentials&scope=read';
export const BEARER_PATH = '/api/sandbox/bearer?scope=read';

/**
 * A fresh access token from `baseUrl`'s token endpoint; `form` may ask for a longer life (the lab's
 * expires_in, up to 86 400 s) for a load that outlasts the default 300 s.
 * @param {string} baseUrl @param {string} [form] @returns {Promise<string>}
 */
export async function issueToken(baseUrl, form = TOKEN_FORM) {
  const response = await request(new URL(TOKEN_PATH, baseUrl), {
    method: 'POST',
    headers: { Authorization: CLIENT_BASIC, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const token = response.status === 200 ? JSON.parse(response.body).access_token : undefined;
  if (typeof token !== 'string') throw new Error(`POST ${TOKEN_PATH} answered ${response.status}: ${response.body}`);
  return token;
}
