import { parseAuthInfo, parseCredentials } from '@/lib/http-auth';
import { closedHandshakeFindings } from './connection-schemes';
import { dpopNonceRules } from './dpop-nonce';
import { finding } from './finding';
import { diagnosticSpan } from './locate';
import type { ParsedMessage } from './message';
import { type SourceField, type Span, fieldsNamed, listElements, locate, nameSpan } from './source';
import type { AuthInfoField, Finding } from './types';

// Rules about the response as a whole: the status and the fields that must (or must not) go with it,
// caching, CORS, and Authentication-Info.

type Ctx = { msg: ParsedMessage; fields: SourceField[]; status?: number; statusSpan?: Span };

const AUTH_STATUSES = new Set([401, 403, 407]);

function statusRules({ fields, status, statusSpan }: Ctx): Finding[] {
  if (status === undefined || !statusSpan) return [];
  const out: Finding[] = [];
  const www = fieldsNamed(fields, 'WWW-Authenticate');
  const proxy = fieldsNamed(fields, 'Proxy-Authenticate');
  if (status === 401 && www.length === 0) {
    const also = proxy.length > 0 ? ' The Proxy-Authenticate here does not count: it is for the proxy hop.' : '';
    out.push(
      finding(
        'error',
        'missing-www-authenticate',
        `A 401 must carry WWW-Authenticate with at least one challenge; without one a client cannot tell how to authenticate (RFC 9110 §15.5.2).${also}`,
        statusSpan,
      ),
    );
  }
  if (status === 407 && proxy.length === 0) {
    out.push(
      finding('error', 'missing-proxy-authenticate', 'A 407 must carry Proxy-Authenticate with a challenge for the proxy (RFC 9110 §15.5.8).', statusSpan),
    );
  }
  if (status === 407) {
    for (const f of www) {
      out.push(
        finding(
          'warning',
          'www-authenticate-on-407',
          'WWW-Authenticate is for the origin server, not the proxy: a client answers a 407 from Proxy-Authenticate only (RFC 9110 §11.6.1, §11.7.1).',
          nameSpan(f),
          'RFC 9110 §11.7.1',
        ),
      );
    }
  }
  if (status === 401) {
    for (const f of proxy) {
      out.push(
        finding(
          'warning',
          'proxy-authenticate-on-401',
          'Proxy-Authenticate applies to the proxy hop (the next outbound client), not to this 401 from the origin; a client answers a 401 from WWW-Authenticate (RFC 9110 §11.7.1).',
          nameSpan(f),
          'RFC 9110 §11.7.1',
        ),
      );
    }
  }
  if (status >= 500 && status <= 599) {
    out.push(
      finding(
        'info',
        'server-error',
        `${status} is a server failure, not an authentication problem: fixing credentials will not help; retry later or look at the server (RFC 9110 §15.6).`,
        statusSpan,
        'RFC 9110 §15.6',
      ),
    );
  }
  if (status >= 200 && status < 300) {
    for (const f of www) {
      out.push(
        finding(
          'info',
          'challenge-on-success',
          'A challenge on a success is allowed: it says other credentials might change the response (RFC 9110 §11.6.1).',
          nameSpan(f),
          'RFC 9110 §11.6.1',
        ),
      );
    }
  }
  return out;
}

/** Cache-Control directives with their positions (RFC 9111 §5.2: a list of token [ "=" value ]). */
function directives(fields: SourceField[]): Array<{ name: string; arg: string; field: SourceField; index: number; length: number }> {
  return fieldsNamed(fields, 'Cache-Control').flatMap((field) =>
    listElements(field.value).map((el) => {
      const [name = '', arg = ''] = el.text.split('=', 2);
      return { name: name.trim().toLowerCase(), arg: arg.trim().replace(/"/g, ''), field, index: el.index, length: el.text.length };
    }),
  );
}

function cacheRules({ fields, status, msg }: Ctx): Finding[] {
  if (status === undefined) return [];
  const dirs = directives(fields);
  const out: Finding[] = [];
  const pub = dirs.find((d) => d.name === 'public');
  const span = (d: { field: SourceField; index: number; length: number }) => locate(d.field, d.index, d.length);
  if (AUTH_STATUSES.has(status)) {
    if (pub) {
      out.push(
        finding(
          'warning',
          'cache-public-auth',
          `Cache-Control: public lets a shared cache store this ${status} and serve it to other users, stale challenge and all; send no-store instead (RFC 9111 §5.2.2.9).`,
          span(pub),
          'RFC 9111 §5.2.2.9',
        ),
      );
    }
    const fresh = dirs.find((d) => (d.name === 'max-age' || d.name === 's-maxage') && d.arg !== '0');
    const expires = fieldsNamed(fields, 'Expires')[0];
    if (!pub && (fresh || expires)) {
      const where = fresh ? span(fresh) : nameSpan(expires as SourceField);
      out.push(
        finding(
          'info',
          'auth-response-cacheable',
          `A ${status} is not cacheable by default, but explicit freshness makes it so: a cache may replay this answer (and its nonce) until it goes stale (RFC 9110 §15.1, RFC 9111 §4.2.1).`,
          where,
          'RFC 9111 §4.2.1',
        ),
      );
    }
    const validator = fieldsNamed(fields, 'Last-Modified')[0];
    if (!fresh && !expires && !pub && validator) {
      out.push(
        finding(
          'info',
          'no-heuristic-freshness',
          `${status} is not heuristically cacheable, so Last-Modified alone does not let a cache keep it (RFC 9110 §15.1).`,
          nameSpan(validator),
          'RFC 9110 §15.1',
        ),
      );
    }
  }
  const sentAuthorization = msg.request ? fieldsNamed(msg.request.fields, 'Authorization').length > 0 : false;
  const reuse = dirs.find((d) => d.name === 'public' || d.name === 's-maxage' || d.name === 'must-revalidate');
  if (sentAuthorization && status >= 200 && status < 300 && reuse) {
    out.push(
      finding(
        'info',
        'shared-cache-reuse',
        `The request carried Authorization and this response says ${reuse.name}, so a shared cache may reuse it for other requests (RFC 9111 §3.5). Fine for public data, a leak for personal data.`,
        span(reuse),
        'RFC 9111 §3.5',
      ),
    );
  }
  return out;
}

function corsRules({ fields, status, statusSpan, msg }: Ctx): Finding[] {
  const out: Finding[] = [];
  const method = msg.request?.method.toUpperCase();
  if (method === 'OPTIONS' && status === 401 && statusSpan) {
    const preflight = msg.request && fieldsNamed(msg.request.fields, 'Access-Control-Request-Method').length > 0;
    const lead = preflight ? 'This answers a CORS preflight' : 'This answers an OPTIONS request, which looks like a CORS preflight';
    out.push(
      finding(
        'error',
        'preflight-401',
        `${lead}. A preflight never carries credentials, so it must not be challenged: answer it with 2xx and the Access-Control-Allow-* headers, or the browser blocks the real request (WHATWG Fetch, CORS-preflight fetch).`,
        statusSpan,
        'WHATWG Fetch, CORS-preflight fetch',
      ),
    );
  }
  const origin = fieldsNamed(fields, 'Access-Control-Allow-Origin')[0];
  const www = fieldsNamed(fields, 'WWW-Authenticate');
  if (!origin || www.length === 0) return out;
  const exposed = fieldsNamed(fields, 'Access-Control-Expose-Headers').flatMap((f) => listElements(f.value).map((e) => e.text.toLowerCase()));
  const credentialed = fieldsNamed(fields, 'Access-Control-Allow-Credentials').some((f) => f.value.toLowerCase() === 'true');
  if (exposed.includes('www-authenticate') || (exposed.includes('*') && !credentialed)) return out;
  const star = exposed.includes('*') ? ' A "*" does not cover it when the request carries credentials.' : '';
  out.push(
    finding(
      'info',
      'cors-challenge-hidden',
      `Access-Control-Expose-Headers does not list WWW-Authenticate, so a cross-origin script sees the status but cannot read the challenge (WHATWG Fetch, CORS).${star}`,
      nameSpan(origin),
      'WHATWG Fetch, CORS protocol',
    ),
  );
  return out;
}

/** The scheme the request used, when the paste showed it; otherwise guessed from Digest-only parameters. */
function usedScheme(msg: ParsedMessage, value: string): string | undefined {
  const sent = msg.request ? fieldsNamed(msg.request.fields, 'Authorization')[0] : undefined;
  const parsed = sent ? parseCredentials(sent.value) : undefined;
  if (parsed?.ok) return parsed.value.scheme;
  return /(^|[\s,])(rspauth|nextnonce|cnonce|nc)\s*=/i.test(value) ? 'Digest' : undefined;
}

export function authInfoRules({ fields, msg }: Ctx): { parsed: AuthInfoField[]; findings: Finding[] } {
  const parsed: AuthInfoField[] = [];
  const findings: Finding[] = [];
  for (const header of ['Authentication-Info', 'Proxy-Authentication-Info'] as const) {
    for (const field of fieldsNamed(fields, header)) {
      const result = parseAuthInfo(field.value, { scheme: usedScheme(msg, field.value) });
      if (!result.ok) {
        const d = result.error;
        findings.push(finding('error', d.code, d.message, diagnosticSpan(field, d)));
        parsed.push({ header, line: field.line, ok: false, params: {} });
        continue;
      }
      parsed.push({ header, line: field.line, ok: true, params: result.value });
      for (const d of result.warnings) findings.push(finding('warning', d.code, d.message, diagnosticSpan(field, d)));
      const names = Object.keys(result.value);
      const next = names.includes('nextnonce') ? ' nextnonce: use this nonce for the next request (RFC 7616 §3.5).' : '';
      const rsp = names.includes('rspauth') ? ' rspauth: lets the client check that the server, too, knows the password (RFC 7616 §3.5).' : '';
      const message = `${header} confirms a successful authentication; its parameters mean what the scheme used says (RFC 9110 §11.6.3). Parameters: ${names.join(', ') || 'none'}.${next}${rsp}`;
      findings.push(
        finding('info', 'authentication-info', message, nameSpan(field), header === 'Authentication-Info' ? 'RFC 9110 §11.6.3' : 'RFC 9110 §11.7.3'),
      );
    }
  }
  return { parsed, findings };
}

export function responseRules(ctx: Ctx): Finding[] {
  return [...statusRules(ctx), ...cacheRules(ctx), ...corsRules(ctx), ...dpopNonceRules(ctx), ...closedHandshakeFindings(ctx.fields)];
}

export type { Ctx as RuleContext };
