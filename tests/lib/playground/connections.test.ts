import { connectionLabel, connectionSentence, connectionsMatter } from '@/lib/playground/connections';
import { exchangeInputSchema, type ExchangeInput } from '@/lib/sandbox/exchange/input';
import { runExchange } from '@/lib/sandbox/exchange/run';
import { sandboxSender } from '@/lib/sandbox/routes/router';
import { testContext } from '../sandbox/support';

// When the playground says which connection each request went on: real transcripts from the exchange.

async function steps(target: string, client?: ExchangeInput['client']) {
  const ctx = testContext();
  const input = exchangeInputSchema.parse({ request: { method: 'GET', target }, mode: 'auto', ...(client ? { client } : {}) });
  return (await runExchange(input, ctx, sandboxSender(ctx))).steps;
}

const alice = { kind: 'password', user: 'alice', password: 'wonderland' } as const;

describe('connectionsMatter', () => {
  test.each<[string, string, ExchangeInput['client'], boolean]>([
    ['Basic on one kept-alive connection: nothing to say', '/api/sandbox/basic', undefined, false],
    ['Basic with a new connection per request: said, since there are several', '/api/sandbox/basic', { origin: alice, connections: 'new-per-request' }, true],
    ['NTLM on one connection: said, since the handshake is bound to it', '/api/sandbox/ntlm', undefined, true],
    ['Negotiate likewise', '/api/sandbox/negotiate', undefined, true],
  ])('%s', async (_name, target, client, expected) => {
    expect(connectionsMatter(await steps(target, client))).toBe(expected);
  });
});

test('the words for a connection: new or kept', () => {
  expect(connectionLabel({ id: 2, opened: true })).toBe('new connection 2');
  expect(connectionLabel({ id: 1, opened: false })).toBe('connection 1');
  expect(connectionSentence({ id: 2, opened: true })).toBe('Sent on connection 2, which the client opened for this request.');
  expect(connectionSentence({ id: 1, opened: false })).toBe('Sent on connection 1, kept alive from the previous request.');
});
