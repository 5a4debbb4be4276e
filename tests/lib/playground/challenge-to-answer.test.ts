import { challengeToAnswer } from '@/lib/playground/challenge-to-answer';
import type { HeaderList } from '@/lib/sandbox/message';

const digest = 'Digest realm="reports", nonce="abc", qop="auth", algorithm=SHA-256';

describe('challengeToAnswer', () => {
  it.each<[string, number, HeaderList, ReturnType<typeof challengeToAnswer>]>([
    [
      'a 401 is answered with Authorization',
      401,
      [['WWW-Authenticate', digest]],
      { kind: 'origin', status: 401, challengeField: 'WWW-Authenticate', credentialsField: 'Authorization', challenges: [digest] },
    ],
    [
      'field names match in any case, and every line is kept',
      401,
      [
        ['www-authenticate', 'Basic realm="r"'],
        ['WWW-Authenticate', digest],
      ],
      { kind: 'origin', status: 401, challengeField: 'WWW-Authenticate', credentialsField: 'Authorization', challenges: ['Basic realm="r"', digest] },
    ],
    [
      'a 407 is answered with Proxy-Authorization',
      407,
      [['Proxy-Authenticate', 'Basic realm="proxy"']],
      { kind: 'proxy', status: 407, challengeField: 'Proxy-Authenticate', credentialsField: 'Proxy-Authorization', challenges: ['Basic realm="proxy"'] },
    ],
    ['a 407 does not answer a WWW-Authenticate', 407, [['WWW-Authenticate', digest]], { kind: 'nothing-to-answer' }],
    ['a 401 without a challenge offers nothing', 401, [['Content-Type', 'text/plain']], { kind: 'nothing-to-answer' }],
    ['a 403 is not answered with credentials', 403, [['WWW-Authenticate', 'Bearer error="insufficient_scope"']], { kind: 'nothing-to-answer' }],
    ['a 200 has nothing to answer', 200, [], { kind: 'nothing-to-answer' }],
    [
      'NTLM alone is bound to a connection no hand-built header can reach',
      401,
      [['WWW-Authenticate', 'NTLM TlRMTVNTUAACAAAA']],
      { kind: 'connection-bound', status: 401, challengeField: 'WWW-Authenticate', schemes: ['NTLM'] },
    ],
    [
      'Negotiate and NTLM at a proxy, likewise',
      407,
      [
        ['Proxy-Authenticate', 'Negotiate'],
        ['Proxy-Authenticate', 'NTLM'],
      ],
      { kind: 'connection-bound', status: 407, challengeField: 'Proxy-Authenticate', schemes: ['Negotiate', 'NTLM'] },
    ],
    [
      'NTLM beside Basic: Basic can still be answered by hand',
      401,
      [
        ['WWW-Authenticate', 'NTLM'],
        ['WWW-Authenticate', 'Basic realm="r"'],
      ],
      { kind: 'origin', status: 401, challengeField: 'WWW-Authenticate', credentialsField: 'Authorization', challenges: ['NTLM', 'Basic realm="r"'] },
    ],
  ])('%s', (_name, status, headers, expected) => {
    expect(challengeToAnswer({ status, headers })).toEqual(expected);
  });
});
