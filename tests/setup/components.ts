import '@testing-library/jest-dom';

// Every page of the app has Next's app router mounted; a component test renders one component without it.
// SiteLink asks the router to prefetch, so the tests get a router whose calls they can read
// (tests/components/SiteLink.test.tsx) instead of the "app router to be mounted" invariant.
export const testRouter = { prefetch: jest.fn(), push: jest.fn(), replace: jest.fn(), refresh: jest.fn(), back: jest.fn(), forward: jest.fn() };
jest.mock('next/navigation', () => ({ ...jest.requireActual<object>('next/navigation'), useRouter: () => testRouter }));
beforeEach(() => {
  for (const method of Object.values(testRouter)) method.mockClear();
});
