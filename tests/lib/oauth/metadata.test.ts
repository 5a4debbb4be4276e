/** @jest-environment node */
import { authorizationServerMetadataSchema, checkIssuer, checkResourceIdentifier, protectedResourceMetadataSchema } from '@/lib/oauth/metadata';

describe('metadata documents', () => {
  test('a protected resource’s document, RFC 9728 §3.2’s example shape, with a member nobody defined kept', () => {
    const parsed = protectedResourceMetadataSchema.parse({
      resource: 'https://resource.example.com',
      authorization_servers: ['https://as1.example.com', 'https://as2.example.net'],
      bearer_methods_supported: ['header', 'body'],
      scopes_supported: ['profile', 'email', 'phone'],
      resource_documentation: 'https://resource.example.com/resource_documentation.html',
      x_vendor: true,
    });
    expect(parsed.authorization_servers).toHaveLength(2);
    expect(parsed).toHaveProperty('x_vendor', true);
    expect(checkResourceIdentifier(parsed, 'https://resource.example.com')).toEqual({ kind: 'ok' });
    // §3.3: another resource's document must not be used.
    expect(checkResourceIdentifier(parsed, 'https://resource.example.com/api')).toEqual({
      kind: 'identifier-mismatch',
      expected: 'https://resource.example.com/api',
      actual: 'https://resource.example.com',
    });
  });

  test('a document without its required member, or with a bearer method nobody defined, is refused', () => {
    expect(protectedResourceMetadataSchema.safeParse({ authorization_servers: [] }).success).toBe(false);
    expect(protectedResourceMetadataSchema.safeParse({ resource: 'https://r.example', bearer_methods_supported: ['cookie'] }).success).toBe(false);
    expect(authorizationServerMetadataSchema.safeParse({ issuer: 'https://as.example' }).success).toBe(false);
  });

  test('an authorization server’s document; its issuer must be the one the URL was made from (RFC 8414 §3.3)', () => {
    const parsed = authorizationServerMetadataSchema.parse({
      issuer: 'https://server.example.com',
      authorization_endpoint: 'https://server.example.com/authorize',
      token_endpoint: 'https://server.example.com/token',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(checkIssuer(parsed, 'https://server.example.com')).toEqual({ kind: 'ok' });
    expect(checkIssuer(parsed, 'https://server.example.com/')).toEqual({
      kind: 'identifier-mismatch',
      expected: 'https://server.example.com/',
      actual: 'https://server.example.com',
    });
  });
});
