// One of the run's shared browsers (the executable is the first argument: the headless shell, or Chromium
// itself), in a process of its own: globalSetup starts this file and reads the endpoint it prints. Not in Jest's own process, where a test that waits synchronously (execFileSync of an export
// script that connects to the browser) would stop the very server it waits on. It shuts the browser
// down on SIGTERM, and when its parent goes away (stdin closes), so no Chromium outlives the run.
import { launchBrowserServer } from '../../../scripts/chromium.mjs';

const server = await launchBrowserServer(process.argv[2]);
let closing;
const shutDown = () => {
  closing ??= server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutDown);
process.stdin.on('end', shutDown);
process.stdin.resume();
process.stdout.write(`${server.wsEndpoint()}\n`);
