// Many clients at once (issue 23): server.ts writes the sandbox's answers of one loop turn together at its end
// (lib/sandbox/edge/turn-writes.ts), 16 at most before it writes them there and then. Whatever the batching,
// each client must get its own answer: its own nonce in a challenge, its own cnonce and a right rspauth in a
// Digest success. A client pipelining several requests on one connection gets the answers in request order
// (RFC 9112 §9.3.2).
import crypto from 'node:crypto';
import { DIGEST_URI, digestChallenge, digestParams, fieldValues, get, PASSWORD, USER } from '../../bench/support/sandbox-client.mjs';
import { type TappedResponse } from './support/http-stream';
import { keepConnection } from './support/kept-connection';
import { baseUrl } from './support/lab';

const CLIENTS = 48;
const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** A signed SHA-256 Digest request for DIGEST_URI, nc 1, with everything needed to check the answer. */
function signed({ realm, nonce, opaque }: { realm: string; nonce: string; opaque?: string }) {
  const ha1 = sha256(`${USER}:${realm}:${PASSWORD}`);
  const cnonce = crypto.randomBytes(12).toString('hex');
  const nc = '00000001';
  const response = sha256(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${sha256(`GET:${DIGEST_URI}`)}`);
  const fields = [`username="${USER}"`, `realm="${realm}"`, `uri="${DIGEST_URI}"`, 'algorithm=SHA-256', `nonce="${nonce}"`, `nc=${nc}`];
  fields.push(`cnonce="${cnonce}"`, 'qop=auth', `response="${response}"`, ...(opaque === undefined ? [] : [`opaque="${opaque}"`]));
  // RFC 7616 §3.5: rspauth is the response computed with an empty method.
  const rspauth = sha256(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${sha256(`:${DIGEST_URI}`)}`);
  return { authorization: `Digest ${fields.join(', ')}`, cnonce, rspauth };
}

describe('many clients at once: each gets its own answer', () => {
  test(`${CLIENTS} Digest challenges at once carry ${CLIENTS} different nonces`, async () => {
    const challenges = await Promise.all(Array.from({ length: CLIENTS }, () => digestChallenge(baseUrl())));
    expect(new Set(challenges.map((challenge) => challenge.nonce)).size).toBe(CLIENTS);
  });

  test(`${CLIENTS} Digest successes at once: each answer names its own cnonce and proves the password with its own rspauth`, async () => {
    const challenges = await Promise.all(Array.from({ length: CLIENTS }, () => digestChallenge(baseUrl())));
    const requests = challenges.map(signed);
    const answers = await Promise.all(requests.map(({ authorization }) => get(new URL(DIGEST_URI, baseUrl()), { Authorization: authorization })));
    const seen = answers.map((answer) => {
      const info = digestParams(fieldValues(answer.headers, 'Authentication-Info').join(', '));
      return { status: answer.status, cnonce: info.cnonce, rspauth: info.rspauth };
    });
    expect(seen).toEqual(requests.map(({ cnonce, rspauth }) => ({ status: 200, cnonce, rspauth })));
  });

  test('requests pipelined on one connection are answered in their order', async () => {
    const { host } = new URL(baseUrl());
    const challenge = await digestChallenge(baseUrl());
    const { authorization, cnonce } = signed(challenge);
    const head = (target: string, ...fields: string[]) => [`GET ${target} HTTP/1.1`, `Host: ${host}`, ...fields, '', ''].join('\r\n');
    const kept = await keepConnection(baseUrl());
    try {
      // One write: a prepared 401, an engine 200, a prepared Digest challenge, an engine 401 (wrong password).
      kept.socket.write(
        head('/api/sandbox/basic') +
          head(DIGEST_URI, `Authorization: ${authorization}`) +
          head(DIGEST_URI) +
          head('/api/sandbox/basic', `Authorization: Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}`),
      );
      const answers: TappedResponse[] = [];
      for (let i = 0; i < 4; i++) answers.push(await kept.send(Buffer.alloc(0)));
      expect(answers.map((answer) => answer.status)).toEqual([401, 200, 401, 401]);
      const field = (index: number, name: string) => fieldValues(answers[index]?.fields ?? [], name).join(', ');
      expect(field(0, 'WWW-Authenticate')).toMatch(/^Basic /);
      expect(digestParams(field(1, 'Authentication-Info')).cnonce).toBe(cnonce);
      expect(field(2, 'WWW-Authenticate')).toMatch(/^Digest /);
      expect(JSON.parse(answers[3]?.body ?? '{}')).toMatchObject({ status: 401 });
    } finally {
      kept.destroy();
    }
  });
});
