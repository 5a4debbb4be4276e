/** @jest-environment node */
// Two doors, one behaviour, in process: for every preset, the door server.ts serves the real endpoint
// through (the node:http adapter: fromNodeRequest, dispatch, toNodeResponse) and the playground's door
// (the /api/exchange route handler) answer the same request with the same status, headers and body;
// and every answer server.ts prepares for a bare GET or HEAD is what the engine answers the same
// preset with a trailing slash. tests/http/sandbox-parity.test.ts sends one of each over real HTTP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { POST as exchange } from '@/app/api/exchange/route';
import { bareAnswerFor, prepareBareAnswers } from '@/lib/sandbox/edge/bare-answers';
import { dispatch } from '@/lib/sandbox/http/dispatch';
import { fromNodeRequest, sendNodeResponse, summariseFields, toNodeResponse, type NodeResponse } from '@/lib/sandbox/http/node';
import type { HeaderList } from '@/lib/sandbox/message';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { scenarioBareTargets } from '@/lib/sandbox/routes/router';
import { sandboxContext } from '@/lib/sandbox/runtime';
import { normaliseForParity, type Answer } from '../http/support/parity';

const HOST = 'lab.test';

/** The request as node:http hands it to server.ts: its field lines in order, the body as a stream. */
function nodeRequest(method: string, target: string, headers: HeaderList, body: string): IncomingMessage {
  const bytes = Buffer.from(body, 'utf8');
  const fields = [['Host', HOST], ...headers, ...(bytes.length > 0 ? [['Content-Length', String(bytes.length)]] : [])];
  return Object.assign(Readable.from(bytes.length > 0 ? [bytes] : []), { method, url: target, rawHeaders: fields.flat() }) as unknown as IncomingMessage;
}

const answerOf = ({ status, fields, body }: NodeResponse): Answer => {
  const headers: HeaderList = [];
  for (let i = 0; i + 1 < fields.length; i += 2) headers.push([fields[i] ?? '', fields[i + 1] ?? '']);
  return { status, headers, body: body.toString('utf8') };
};

/** What server.ts writes for a sandbox request that is not prepared. */
async function throughNodeDoor(method: string, target: string, headers: HeaderList, body: string): Promise<NodeResponse> {
  const converted = await fromNodeRequest(nodeRequest(method, target, headers, body));
  return toNodeResponse('error' in converted ? converted.error : await dispatch(converted, sandboxContext()));
}

/** What sendNodeResponse hands node:http: the status and field lines for writeHead, the body for end. */
function written(prepared: NodeResponse, method: string): Answer {
  const sent: Answer = { status: 0, headers: [], body: '' };
  const response = {
    writeHead(status: number, fields: string[]) {
      sent.status = status;
      sent.headers = answerOf({ status, fields, body: Buffer.alloc(0) }).headers;
      return response;
    },
    end(body?: Buffer) {
      sent.body = body?.toString('utf8') ?? '';
      return response;
    },
  };
  sendNodeResponse(response as unknown as ServerResponse, prepared, method);
  return sent;
}

describe('real endpoint and /api/exchange agree', () => {
  test.each(allPresets().map((preset) => [preset.id, preset] as const))('%s', async (_id, preset) => {
    const { method, path, headers, body = '' } = preset.request;
    const real = answerOf(await throughNodeDoor(method, path, headers, body));
    const exchanged = await exchange(
      new Request(`http://${HOST}/api/exchange`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ request: { method, target: path, headers, body }, mode: 'manual' }),
      }),
    );
    expect(exchanged.status).toBe(200);
    const transcript = (await exchanged.json()) as { steps: { response: Answer }[] };
    const [step] = transcript.steps;
    if (!step) throw new Error('no step');
    expect(normaliseForParity(step.response)).toEqual(normaliseForParity(real));
  });
});

// server.ts sends prepared bytes for a bare GET or HEAD of these URLs; with a trailing slash the same
// preset goes through the engine the first time. The two must not differ in a single field line or byte
// but for a Digest challenge's nonce, fresh in each (normaliseForParity).
describe('prepared bare answers and the engine agree', () => {
  let prepared: Awaited<ReturnType<typeof prepareBareAnswers>>;
  beforeAll(async () => {
    prepared = await prepareBareAnswers(sandboxContext());
  });

  test.each(scenarioBareTargets().map((target) => [target]))('%s', async (target) => {
    const ctx = sandboxContext();
    const curlish: HeaderList = [
      ['User-Agent', 'curl/8.0'],
      ['Accept', '*/*'],
    ];
    const fields = summariseFields(['Host', HOST, ...curlish.flat()]);
    const get = bareAnswerFor(prepared, 'GET', target, fields, ctx);
    if (!get) throw new Error(`${target} is not prepared`);
    // With the slash it is not prepared the first time: the engine answers.
    expect(bareAnswerFor(prepared, 'GET', `${target}/`, fields, ctx)).toBeUndefined();
    const engine = await throughNodeDoor('GET', `${target}/`, curlish, '');
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(normaliseForParity(written(get, 'GET'))).toEqual(normaliseForParity(written(engine, 'GET')));
    const head = bareAnswerFor(prepared, 'HEAD', target, fields, ctx);
    if (!head) throw new Error(`${target} is not prepared for HEAD`);
    expect(normaliseForParity(written(head, 'HEAD'))).toEqual(normaliseForParity({ ...written(get, 'GET'), body: '' }));
  });
});
