// The playground's /api/exchange answered in-process for component tests: the page's fetch goes to the
// real exchange (runExchange through the sandbox router), so every hop a test sees is one the lab really
// answered. Returns the list of request bodies the page sent, emptied before each test.
import { createSandboxContext } from '@/lib/sandbox/context';
import { exchangeInputSchema } from '@/lib/sandbox/exchange/input';
import { runExchange } from '@/lib/sandbox/exchange/run';
import { sandboxSender } from '@/lib/sandbox/routes/router';

export function answerExchangeInProcess(): unknown[] {
  const sent: unknown[] = [];
  beforeAll(() => {
    globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  });
  beforeEach(() => {
    window.history.replaceState(null, '', '/playground');
    sent.length = 0;
    const ctx = createSandboxContext({ secret: new TextEncoder().encode('a-component-test-secret-of-32-bytes!') });
    global.fetch = jest.fn(async (_url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as unknown;
      sent.push(body);
      const transcript = await runExchange(exchangeInputSchema.parse(body), ctx, sandboxSender(ctx), 'http://lab.example');
      return { ok: true, status: 200, json: async () => JSON.parse(JSON.stringify(transcript)) as unknown };
    }) as unknown as typeof fetch;
  });
  return sent;
}
