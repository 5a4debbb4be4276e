// A browser MCP client (as MCP Inspector or a web app is one) connects to the lab's MCP endpoint from
// another origin: the official SDK's client, bundled for the browser, meets the 401, reads
// WWW-Authenticate (exposed by CORS), discovers (RFC 9728, RFC 8414), registers (RFC 7591), sends the user to
// the consent page with a top-level navigation, gets the code back on its own callback page, exchanges it
// (PKCE, resource) and calls whoami. Every cross-origin request must pass its CORS checks in Chromium.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { openBrowser } from './support/chromium';
import { baseUrl } from './support/site';

const MCP_PATH = '/api/sandbox/oauth/mcp';
let site: http.Server;
let siteOrigin = '';

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="/client.js"></script></head><body><h1>${title}</h1></body></html>`;

beforeAll(async () => {
  const bundle = await esbuild.build({
    entryPoints: [path.join(__dirname, 'support/mcp-browser-client.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  site = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://client.test');
    if (pathname === '/client.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else if (pathname === '/' || pathname === '/callback') response.writeHead(200, { 'Content-Type': 'text/html' }).end(page('MCP client'));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another origin than the lab's, as a client's web page is.
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test('the SDK’s client in Chromium, on another origin, signs bob in and calls whoami', async () => {
  const session = await openBrowser();
  try {
    const { page: tab } = session;
    const errors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const endpoint = new URL(MCP_PATH, baseUrl()).href;
    await tab.goto(`${siteOrigin}/`, { waitUntil: 'load' });
    const started = tab.evaluate((url) => window.mcpClient.start(url), endpoint).catch(() => 'left the page');
    await tab.waitForURL((url) => url.pathname === '/api/sandbox/oauth/authorize');
    // The SDK throws UnauthorizedError as the navigation begins; which the test sees first is a race.
    expect(['sent to sign in', 'left the page']).toContain(await started);
    await tab.getByLabel('User name').fill('bob');
    await tab.getByLabel('Password').fill('builder');
    await tab.getByRole('button', { name: 'Allow' }).click();
    await tab.waitForURL((url) => url.origin === siteOrigin && url.pathname === '/callback');
    const result = await tab.evaluate((url) => window.mcpClient.finish(url), endpoint);
    expect(result.whoami).toContain('You are bob');
    expect(result.whoami).toContain(`"aud": "${endpoint}"`);
    expect(result.returnedState).toBe(result.state);
    const lab = new URL(baseUrl()).origin;
    expect(result.log.slice(0, 4)).toEqual([
      `POST ${endpoint}`,
      `GET ${lab}/.well-known/oauth-protected-resource${MCP_PATH}`,
      `GET ${lab}/.well-known/oauth-authorization-server/api/sandbox/oauth`,
      `POST ${lab}/api/sandbox/oauth/register`,
    ]);
    expect(result.log).toContain(`POST ${lab}/api/sandbox/oauth/token`);
    // A CORS refusal shows as a console error even when the SDK recovers with its fallback. (The 401, and
    // the 405 to the SDK's GET for a server stream, which a stateless server may refuse, are logged as
    // failed loads; they are expected.)
    expect(errors.filter((text) => /CORS|Access-Control/i.test(text))).toEqual([]);
    expect(result.log).toContain(`GET ${endpoint}`);
  } finally {
    await session.close();
  }
});
