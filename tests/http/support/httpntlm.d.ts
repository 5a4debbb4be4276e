// The part of npm's httpntlm (1.8.13, untyped) that tests/http/ntlm-clients.test.ts calls.
declare module 'httpntlm' {
  import type { Agent } from 'node:http';

  type Options = { url: string; username: string; password: string; workstation?: string; domain?: string; agent?: Agent };
  type Response = { statusCode: number; headers: Record<string, string>; body: string };
  type Callback = (error: Error | null, response?: Response) => void;

  const httpntlm: { get(options: Options, callback: Callback): void; method(method: string, options: Options, callback: Callback): void };
  export default httpntlm;
}
