import { encodeBasicCredentials } from '@/lib/http-auth/schemes/basic';
import type { SnippetPassword, SnippetBearerToken } from './plan';

// What every language's snippet says about a password or a token the same way.

/** user-id ":" password, the pair Basic encodes (RFC 7617 §2) and curl's -u takes. */
export const userPassword = (secret: { user: string; password: string }) => `${secret.user}:${secret.password}`;

/** Printable ASCII only: the same bytes in every charset, so nothing about encoding needs saying. */
export const isPrintableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** Basic's token68 for the pair, in the secret's charset; undefined when ISO-8859-1 has no byte for a character. */
export function basicToken68(secret: SnippetPassword): string | undefined {
  const encoded = encodeBasicCredentials({ userId: secret.user, password: secret.password }, secret.charset);
  return encoded.ok ? encoded.value.token68 : undefined;
}

/** The same comment in each language: why a Bearer token is fetched first, or which fixed token is sent. */
export function tokenComment(token: SnippetBearerToken): string[] {
  switch (token.kind) {
    case 'issued':
      return [
        ...(token.expiredFirst
          ? [
              'The playground\'s client first sent an expired token, was refused (401, error="invalid_token",',
              'RFC 6750 §3.1) and got a new token once. This snippet starts from that new token.',
            ]
          : []),
        "Tokens are issued at run time and expire: get one from the lab's token endpoint (RFC 6749 §4.4).",
      ];
    case 'fixed':
      return [`Sent as is: ${token.what}, which the lab refuses (401, error="invalid_token", RFC 6750 §3.1).`];
    default: {
      const never: never = token;
      return never;
    }
  }
}

/** The token request's form fields, in the order the snippets send them. */
export function tokenForm(token: Extract<SnippetBearerToken, { kind: 'issued' }>): [string, string][] {
  return [['grant_type', 'client_credentials'], ...(token.scope.length > 0 ? [['scope', token.scope.join(' ')] as [string, string]] : [])];
}
