// The one Chromium launcher (scripts/chromium.mjs), typed for the tests.
export { CHROMIUM_PATH, openBrowser } from '../../../scripts/chromium.mjs';
export type ColorScheme = 'light' | 'dark';
