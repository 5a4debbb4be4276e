import { isSecretHeader } from '@/lib/har/secret-names';
import type { HeaderList } from '@/lib/sandbox/message';

// The header fields of a request a client under test sent, as the run report shows them (issue 21: "header
// fields with credentials redacted to their shape"): every field in order, the credentials and cookie fields
// and the other secret-bearing ones cut to their scheme and length (their shape proper is the observation's
// `authorization` and `proxyAuthorization`), and the whole bounded, since a run keeps 256 KiB at most.

/** A field of 16 KiB is legal (RFC 9110 §5.4 leaves the limit to the server); the report keeps the start. */
const MAX_VALUE = 200;
const MAX_FIELDS = 40;

const CREDENTIALS = new Set(['authorization', 'proxy-authorization']);
const COOKIES = new Set(['cookie']);

function redacted(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (CREDENTIALS.has(lower)) {
    // RFC 9110 §11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]; the scheme is no secret.
    const scheme = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(value)?.[0];
    const rest = scheme === undefined ? value : value.slice(scheme.length).trimStart();
    return `${scheme === undefined ? '' : `${scheme} `}[redacted: ${rest.length} characters]`;
  }
  if (COOKIES.has(lower) || isSecretHeader(name)) return `[redacted: ${value.length} characters]`;
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}… [${value.length - MAX_VALUE} more characters]` : value;
}

/** The request's header fields, secrets redacted, at most MAX_FIELDS of them (then how many more came). */
export function reportedFields(headers: HeaderList): Array<[name: string, value: string]> {
  const fields = headers.slice(0, MAX_FIELDS).map(([name, value]): [string, string] => [name, redacted(name, value)]);
  return headers.length > MAX_FIELDS ? [...fields, ['…', `${headers.length - MAX_FIELDS} more fields`]] : fields;
}
