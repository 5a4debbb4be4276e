// Realistic broken responses for "Try an example". Each shows a mistake real servers make.

export type ExplainExample = { id: string; label: string; text: string };

export const EXPLAIN_EXAMPLES: readonly ExplainExample[] = [
  {
    id: 'bare-bearer',
    label: 'Bare Bearer on a 401',
    text: [
      'HTTP/1.1 401 Unauthorized',
      'Content-Type: application/json',
      'WWW-Authenticate: Bearer',
      'Content-Length: 24',
      '',
      '{"error":"unauthorized"}',
    ].join('\n'),
  },
  {
    id: 'no-challenge',
    label: '401 without a challenge',
    text: [
      'HTTP/2 401',
      'content-type: application/json',
      'cache-control: public, max-age=300',
      'access-control-allow-origin: *',
      '',
      '{"message":"Unauthorized"}',
    ].join('\n'),
  },
  {
    id: 'digest-sha512',
    label: 'curl -v of a Digest 401 (SHA-512)',
    text: [
      '*   Trying 203.0.113.10:80...',
      '* Connected to api.example.com (203.0.113.10) port 80',
      '> GET /reports HTTP/1.1',
      '> Host: api.example.com',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '< Server: nginx',
      '< WWW-Authenticate: Digest realm="reports@example.com", qop="auth", algorithm=SHA-512, nonce=dcd98b7102dd2f0e8b11d0f600bfb0c093',
      '< Content-Length: 0',
      '<',
      '* Connection #0 to host api.example.com left intact',
    ].join('\n'),
  },
  {
    id: 'forbidden-invalid-token',
    label: '403 with invalid_token',
    text: [
      'HTTP/1.1 403 Forbidden',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"',
      'Access-Control-Allow-Origin: https://app.example.com',
      'Content-Type: application/json',
      '',
      '{"error":"invalid_token"}',
    ].join('\n'),
  },
  {
    id: 'ntlm-proxy-close',
    label: 'NTLM 407 that closes the connection',
    text: [
      'HTTP/1.1 407 Proxy Authentication Required',
      'Proxy-Authenticate: NTLM TlRMTVNTUAACAAAAAwADADgAAAAGgokCfScUOV7BGJoAAAAAAAAAAIAAgAA7AAAACgBhSgAAAA9MQUICAAYATABBAEIAAQAWAEgAVABUAFAAQQBVAFQASABMAEEAQgAEABYAbABhAGIALgBpAG4AdgBhAGwAaQBkAAMALgBoAHQAdABwAGEAdQB0AGgAbABhAGIALgBsAGEAYgAuAGkAbgB2AGEAbABpAGQABwAIAKDmBOmFhd0BAAAAAA==',
      'Connection: close',
      'Content-Length: 0',
    ].join('\n'),
  },
];
