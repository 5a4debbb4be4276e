export default async function globalTeardown() {
  const child = globalThis.__LAB_SERVER__;
  globalThis.__LAB_SERVER__ = undefined;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
