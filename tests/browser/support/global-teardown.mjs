import { stopProcess } from '../../http/support/lab-server.mjs';
import stopLab from '../../http/support/global-teardown.mjs';

export default async function globalTeardown() {
  await stopProcess(globalThis.__LAB_BROWSER__);
  globalThis.__LAB_BROWSER__ = undefined;
  await stopLab();
}
