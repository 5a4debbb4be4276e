import stopLab from '../../http/support/global-teardown.mjs';

export default async function globalTeardown() {
  const browser = globalThis.__LAB_BROWSER__;
  globalThis.__LAB_BROWSER__ = undefined;
  if (browser && browser.exitCode === null) {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill('SIGTERM');
    await exited;
  }
  await stopLab();
}
