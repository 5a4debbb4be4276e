/** @jest-environment node */
import fc from 'fast-check';
import {
  AUTHORIZATION_SERVER_SUFFIX,
  identifierFor,
  identifierProblem,
  openIdConfigurationUrl,
  PROTECTED_RESOURCE_SUFFIX,
  wellKnownUrl,
} from '@/lib/oauth/well-known';

describe('where metadata lives', () => {
  test.each([
    // RFC 9728 §3.1's example.
    ['https://resource.example.com/resource1', PROTECTED_RESOURCE_SUFFIX, 'https://resource.example.com/.well-known/oauth-protected-resource/resource1'],
    ['https://resource.example.com', PROTECTED_RESOURCE_SUFFIX, 'https://resource.example.com/.well-known/oauth-protected-resource'],
    // RFC 8414 §3.1's example: an issuer with a path gets the suffix before the path.
    ['https://example.com/issuer1', AUTHORIZATION_SERVER_SUFFIX, 'https://example.com/.well-known/oauth-authorization-server/issuer1'],
    ['https://example.com', AUTHORIZATION_SERVER_SUFFIX, 'https://example.com/.well-known/oauth-authorization-server'],
    ['http://localhost:3000/api/sandbox/mcp', PROTECTED_RESOURCE_SUFFIX, 'http://localhost:3000/.well-known/oauth-protected-resource/api/sandbox/mcp'],
    ['https://r.example/a?b=c', PROTECTED_RESOURCE_SUFFIX, 'https://r.example/.well-known/oauth-protected-resource/a?b=c'],
  ])('%s with %s', (identifier, suffix, expected) => {
    expect(wellKnownUrl(identifier, suffix)).toBe(expected);
  });

  test('OpenID Connect’s form puts the suffix after the path instead (RFC 8414 §5)', () => {
    expect(openIdConfigurationUrl('https://example.com/issuer1')).toBe('https://example.com/issuer1/.well-known/openid-configuration');
    expect(openIdConfigurationUrl('https://example.com')).toBe('https://example.com/.well-known/openid-configuration');
  });

  test('the identifier comes back from its metadata URL, for any path', () => {
    // Not . or .. alone: URL resolves those dot segments away (RFC 3986 §5.2.4).
    const segment = fc
      .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-._~'), minLength: 1, maxLength: 12 })
      .filter((s) => !/^\.+$/.test(s));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), (segments, trailingSlash) => {
        const identifier = `https://lab.example/${segments.join('/')}${trailingSlash ? '/' : ''}`;
        expect(identifierFor(wellKnownUrl(identifier, PROTECTED_RESOURCE_SUFFIX), PROTECTED_RESOURCE_SUFFIX)).toBe(identifier);
      }),
      { numRuns: 200 },
    );
    expect(identifierFor('https://lab.example/.well-known/oauth-protected-resource', PROTECTED_RESOURCE_SUFFIX)).toBe('https://lab.example/');
    expect(identifierFor('https://lab.example/.well-known/oauth-protected-resourcex', PROTECTED_RESOURCE_SUFFIX)).toBeUndefined();
    expect(identifierFor('https://lab.example/api', PROTECTED_RESOURCE_SUFFIX)).toBeUndefined();
  });

  test.each([
    ['https://as.example/tenant', {}, undefined],
    ['http://localhost:3000/as', {}, { kind: 'scheme', scheme: 'http' }],
    ['http://localhost:3000/as', { allowHttp: true }, undefined],
    ['https://as.example/#x', {}, { kind: 'fragment' }],
    ['https://as.example/?tenant=1', {}, { kind: 'query' }],
    ['https://as.example/?tenant=1', { allowQuery: true }, undefined],
    ['https://user:pw@as.example/', {}, { kind: 'credentials' }],
    ['as.example', {}, { kind: 'not-a-url' }],
  ])('identifier %s (%j)', (value, options, expected) => {
    expect(identifierProblem(value, options)).toEqual(expected);
  });
});
