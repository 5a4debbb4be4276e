// The one Chromium launcher (scripts/chromium.mjs), typed for the tests. The browser project's globalSetup
// launches one Chromium for the whole run (LAB_BROWSER_WS), so every openBrowser call is a fresh context
// in it, as isolated as the fresh profile each test used to launch; a test asking for launch flags of its
// own (extraArgs: the lab as the configured proxy, file access) still gets a browser of its own.
export { CHROMIUM_PATH, openBrowser } from '../../../scripts/chromium.mjs';
export type ColorScheme = 'light' | 'dark';
