import stopLab from '../../http/support/global-teardown.mjs';

export default async function globalTeardown() {
  const browser = globalThis.__LAB_BROWSER__;
  globalThis.__LAB_BROWSER__ = undefined;
  await browser?.close();
  await stopLab();
}
