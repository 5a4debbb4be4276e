import { loadFixtures, readExpected, runFixture } from './support/fixtures';

const fixtures = loadFixtures();

describe('golden fixtures (tests/fixtures/http-auth)', () => {
  it('has at least 60 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    expect(runFixture(fixture)).toEqual(readExpected(fixture.name));
  });
});
