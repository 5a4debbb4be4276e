// Which code blocks talk to the lab's sandbox: the curl commands (expect=NNN), the runnable clients and
// the fetch examples all name its path. An embed without the sandbox hides them (rehype-code-blocks.mjs
// marks them; app/globals.css hides the mark), because a trainer who turned the sandbox off does not
// want readers sent to it. Its own module (no Shiki) so tests can ask it directly.

/** The sandbox's path, as a whole path segment: /api/sandbox/basic, '…/api/sandbox' — not /api/sandboxes. */
const SANDBOX_PATH = /\/api\/sandbox(?![\w-])/;

/**
 * @param {string} code the block's raw text
 * @returns {boolean} whether running the block would send requests to the sandbox
 */
export function talksToSandbox(code) {
  return SANDBOX_PATH.test(code);
}
