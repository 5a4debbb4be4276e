import { stopProcess } from '../../http/support/lab-server.mjs';
import stopLab from '../../http/support/global-teardown.mjs';

export default async function globalTeardown() {
  await Promise.all((globalThis.__LAB_BROWSERS__ ?? []).map(stopProcess));
  globalThis.__LAB_BROWSERS__ = undefined;
  await stopLab();
}
