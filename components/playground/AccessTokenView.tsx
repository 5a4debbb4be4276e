import type { Transcript } from '@/lib/sandbox/exchange/input';
import { AudienceCheck } from './AudienceCheck';
import { prettyJwt } from './credentials/token';

// The run's access token, decoded for reading. Decoding is base64url and JSON: it checks nothing. The
// resource server verifies the signature with the key at jwks_uri, then iss, exp and aud (RFC 9068 §4).

function audienceOf(claims: string): string[] {
  const aud = (JSON.parse(claims) as { aud?: unknown }).aud;
  return typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((value): value is string => typeof value === 'string') : [];
}

/** `transcript`: the run the token came from; with it, the token can be tried at the lab's other resource. */
export function AccessTokenView({ token, transcript }: { token: string; transcript?: Transcript }) {
  const decoded = prettyJwt(token);
  if (!decoded) return <p className="text-sm">The access token is not a JWT, so there is nothing to decode.</p>;
  const audience = audienceOf(decoded.claims);
  return (
    <section aria-labelledby="access-token-heading" className="min-w-0 rounded-lg border border-line p-4 break-words">
      <h3 id="access-token-heading" className="font-semibold">
        The access token, decoded (not verified)
      </h3>
      <p className="mt-1 text-sm">
        <span className="font-semibold">Decoding is not verifying.</span> Anyone can read these two parts; only the signature, checked with the key at the
        server’s jwks_uri, says the lab issued them (RFC 9068 §4). This page checks nothing.
      </p>
      <h4 className="mt-3 text-sm font-semibold">Header</h4>
      <pre tabIndex={0} aria-label="Access token header" className="mt-1 overflow-x-auto rounded bg-surface p-2 font-mono text-xs">
        {decoded.header}
      </pre>
      <h4 className="mt-3 text-sm font-semibold">Claims</h4>
      <pre tabIndex={0} aria-label="Access token claims" className="mt-1 overflow-x-auto rounded bg-surface p-2 font-mono text-xs">
        {decoded.claims}
      </pre>
      <h4 className="mt-3 text-sm font-semibold">Why aud matters</h4>
      <p className="mt-1 text-sm">
        aud is <code className="font-mono text-xs break-all">{audience.join(', ') || '(missing)'}</code>: the resource the client named in resource (RFC 8707
        §2). A resource server refuses a token whose aud is not itself (RFC 9068 §4), so this token works at that one resource only. Sent to another, it gets
        401 with error=&quot;invalid_token&quot;; and a resource that receives a token cannot replay it against this one.
      </p>
      {transcript ? <AudienceCheck token={token} transcript={transcript} /> : null}
    </section>
  );
}
