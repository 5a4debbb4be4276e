export default async function globalTeardown() {
  const server = globalThis.__LAB_SERVER__;
  globalThis.__LAB_SERVER__ = undefined;
  await server?.stop();
}
