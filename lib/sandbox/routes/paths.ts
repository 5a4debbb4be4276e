// Where the sandbox lives. The route table (table.ts) is declared with these, and the few callers that
// must not load the table use them too: client components (the playground posts to EXCHANGE_PATH, the
// Bearer helper to TOKEN_PATH) would otherwise pull the engine into the browser bundle.

export const SANDBOX_PREFIX = '/api/sandbox';
/** The playground's door: a request description in, the whole conversation out (same-origin only). */
export const EXCHANGE_PATH = '/api/exchange';
export const TOKEN_PATH = `${SANDBOX_PREFIX}/token`;
export const PRESETS_PATH = `${SANDBOX_PREFIX}/presets`;
export const OPENAPI_PATH = `${SANDBOX_PREFIX}/openapi.json`;

/** Every preset answers at its own URL. */
export const presetPath = (id: string): string => `${PRESETS_PATH}/${id}`;

/** "Test your own client" (issue 21): where runs start, and each run's report and case URLs. */
export const RUNS_PATH = `${SANDBOX_PREFIX}/runs`;
export const runPath = (id: string): string => `${RUNS_PATH}/${id}`;
export const runCasePath = (id: string, caseId: string): string => `${RUNS_PATH}/${id}/cases/${caseId}`;
