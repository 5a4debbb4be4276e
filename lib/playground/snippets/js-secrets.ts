import type { SnippetAnswer, SnippetPassword } from './plan';
import { tokenComment, tokenForm, userPassword } from './secrets';

// Credentials in the two JavaScript snippets (fetch, node:http): neither answers a challenge by itself,
// so both send the Authorization field the playground's client sent after the 401, built the same way.

const js = (value: string) => JSON.stringify(value);

/**
 * Basic credentials as a JavaScript expression. btoa() reads each UTF-16 unit as one byte and throws
 * above U+00FF (facts 29): for UTF-8, TextEncoder makes the bytes first; for ISO-8859-1, btoa on the
 * text itself is exactly those bytes (RFC 7617 §2.1). Works in browsers and in Node alike.
 */
export function basicExpression(secret: SnippetPassword): string {
  const pair = js(userPassword(secret));
  return secret.charset === 'UTF-8' ? `'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(${pair})))` : `'Basic ' + btoa(${pair})`;
}

/**
 * Neither client has NTLM or Negotiate, whose three legs must share one kept-alive connection
 * (MS-NLMP §3.1.5): the snippet sends no credentials and says so, rather than a header that cannot work.
 */
const NO_NTLM: Record<'fetch' | 'node:http', (scheme: 'NTLM' | 'Negotiate') => string[]> = {
  fetch: (scheme) => [
    `// fetch has no ${scheme}: its three legs must share one connection, which a script cannot hold on to, and a browser`,
    "// answers it only with the user's own Windows sign-in. So this sends no credentials, and the lab answers 401.",
    '// Use the curl (--ntlm) or Python (requests_ntlm) snippet; in Node, an NTLM client such as httpntlm (npm).',
  ],
  'node:http': (scheme) => [
    `// node:http has no ${scheme}: its three legs must share one kept-alive connection. An NTLM client for Node such as`,
    '// httpntlm (npm) runs them; this sends no credentials, so the lab answers 401.',
  ],
};

/** What a JavaScript snippet sends for the origin: comments, statements before the request, and an Authorization value expression. */
export function jsOriginAuth(answer: SnippetAnswer, client: 'fetch' | 'node:http'): { comments: string[]; before: string[]; authorization?: string } {
  switch (answer.kind) {
    case 'none':
      return { comments: [], before: [] };
    case 'basic':
      return {
        comments: [`// ${client} does not answer challenges: this sends the Basic credentials the playground's client sent after the 401.`],
        before: [],
        authorization: basicExpression(answer.secret),
      };
    case 'digest':
      return {
        comments: [
          `// ${client} has no Digest support, and Digest needs the server's nonce, so the lab answers 401 here.`,
          '// To answer the challenge, use the curl (--digest) or Python (HTTPDigestAuth) snippet.',
        ],
        before: [],
      };
    case 'ntlm':
      return { comments: NO_NTLM[client](answer.scheme), before: [] };
    case 'bearer': {
      const { token } = answer;
      const comments = tokenComment(token).map((line) => `// ${line}`);
      if (token.kind === 'fixed') return { comments, before: [], authorization: js(`Bearer ${token.token}`) };
      const client = { user: token.client.user, password: token.client.password, charset: 'UTF-8' as const };
      return {
        comments,
        before: [
          `const issued = await fetch(${js(token.tokenUrl)}, {`,
          "  method: 'POST',",
          `  headers: { Authorization: ${basicExpression(client)} },`,
          `  body: new URLSearchParams(${JSON.stringify(tokenForm(token))}),`,
          '});',
          'const { access_token: token } = await issued.json();',
          '',
        ],
        authorization: '`Bearer ${token}`',
      };
    }
    default: {
      const never: never = answer;
      return never;
    }
  }
}
