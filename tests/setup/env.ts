// A fixed sandbox secret for tests, so the route handlers do not warn about a random one.
process.env.SANDBOX_SECRET ??= 'jest-sandbox-secret-at-least-32-characters';
