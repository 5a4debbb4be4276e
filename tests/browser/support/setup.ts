import { disconnectBrowser } from './chromium';

jest.setTimeout(60_000);

// Each test file connects to the run's one Chromium on its first openBrowser call; it lets go here.
afterAll(() => disconnectBrowser());
