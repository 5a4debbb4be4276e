'use client';

import { useEffect, useId, useState } from 'react';
import { encodeBasicCredentials, formatCredentials, getParam, parseChallenges } from '@/lib/http-auth';
import { CopyButton } from '@/components/ui/CopyButton';
import { countdownText, prettyJwt, problemMessage, readTokenResponse, truncateToken, type TokenResponse } from './token';
import type { HelperProps } from './types';
import { ApplyButton, ComputationStep, ErrorText, inputClass, PasswordField, primaryButtonClass, TextField } from './ui';
import { TOKEN_PATH } from '@/lib/sandbox/routes/paths';

// RFC 6750: a Bearer token from the lab's OAuth 2.0 token endpoint (client-credentials grant,
// RFC 6749 §4.4), with its JWT header and claims decoded and a live countdown to its expiry.

const LIFETIMES = [
  { seconds: 30, label: '30 seconds' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 3600, label: '1 hour' },
] as const;

type TokenState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'issued'; token: TokenResponse; expiresAt: number };

/** RFC 6750 §3: a Bearer challenge may name the scope the resource needs. */
function challengeScope(challenges: string[]): string | undefined {
  if (challenges.length === 0) return undefined;
  const parsed = parseChallenges(challenges);
  if (!parsed.ok) return undefined;
  const bearer = parsed.value.find((c) => c.scheme.toLowerCase() === 'bearer' && getParam(c.params, 'scope') !== undefined);
  return bearer && getParam(bearer.params, 'scope');
}

async function requestToken(clientAuthorization: string, body: URLSearchParams): Promise<TokenState> {
  let response: Response;
  try {
    response = await fetch(TOKEN_PATH, {
      method: 'POST',
      // Facts 25: the endpoint answers a bad client with 401 and a Basic challenge; with credentials
      // included, the browser would open its own login dialog. "omit" never prompts (and sends no cookies).
      credentials: 'omit',
      headers: { Authorization: clientAuthorization, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  } catch (error) {
    return { kind: 'failed', message: `Could not reach the token endpoint (${error instanceof Error ? error.message : 'network error'}).` };
  }
  // Facts 29: fetch resolves on 4xx too, so the status decides.
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return { kind: 'failed', message: `The token endpoint answered ${problemMessage(response.status, json)}` };
  const token = readTokenResponse(json);
  if (!token) return { kind: 'failed', message: 'The token endpoint answered 200 without an access_token.' };
  // RFC 6749 §5.1: expires_in is relative, so the countdown needs no clock agreement with the server.
  return { kind: 'issued', token, expiresAt: Date.now() + token.expiresIn * 1000 };
}

export function BearerHelper({ field, onApply, challenges }: HelperProps) {
  const id = useId();
  const [scope, setScope] = useState('read');
  const [lifetime, setLifetime] = useState(300);
  const [clientId, setClientId] = useState('alice');
  const [clientSecret, setClientSecret] = useState('wonderland');
  const [state, setState] = useState<TokenState>({ kind: 'idle' });
  const [now, setNow] = useState(0);
  const issued = state.kind === 'issued';

  // One interval while a token is shown; it stops when the token is replaced or the helper unmounts.
  useEffect(() => {
    if (!issued) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [issued]);

  async function getToken() {
    const client = encodeBasicCredentials({ userId: clientId, password: clientSecret }, 'UTF-8');
    if (!client.ok) {
      setState({ kind: 'failed', message: `Client id and secret: ${client.error.message}` });
      return;
    }
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    const scopes = scope.split(/\s+/).filter(Boolean).join(' ');
    if (scopes !== '') body.set('scope', scopes);
    body.set('expires_in', String(lifetime));
    setState({ kind: 'loading' });
    const next = await requestToken(formatCredentials(client.value), body);
    setNow(Date.now());
    setState(next);
  }

  const wanted = challengeScope(challenges);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Scope (space-separated)"
          value={scope}
          onChange={setScope}
          hint={wanted !== undefined ? `The server's Bearer challenge asks for scope "${wanted}" (RFC 6750 §3).` : undefined}
        />
        <div className="min-w-0">
          <label htmlFor={`${id}-lifetime`} className="block text-sm font-medium">
            Lifetime
          </label>
          <select id={`${id}-lifetime`} value={lifetime} onChange={(event) => setLifetime(Number(event.target.value))} className={inputClass}>
            {LIFETIMES.map((l) => (
              <option key={l.seconds} value={l.seconds}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Client id" value={clientId} onChange={setClientId} />
        <PasswordField label="Client secret" value={clientSecret} onChange={setClientSecret} />
      </div>
      <p className="text-xs text-muted">alice / wonderland is the lab&apos;s demo client; the token endpoint checks it with Basic (RFC 6749 §2.3.1).</p>

      <button
        type="button"
        onClick={getToken}
        disabled={state.kind === 'loading'}
        aria-describedby={state.kind === 'failed' ? `${id}-error` : undefined}
        className={primaryButtonClass}
      >
        {state.kind === 'loading' ? 'Getting a token…' : 'Get a token'}
      </button>

      <div aria-busy={state.kind === 'loading'}>
        {state.kind === 'failed' && <ErrorText id={`${id}-error`}>{state.message}</ErrorText>}
        {state.kind === 'issued' && <IssuedToken field={field} onApply={onApply} token={state.token} expiresAt={state.expiresAt} now={now} />}
      </div>
    </div>
  );
}

function IssuedToken({
  field,
  onApply,
  token,
  expiresAt,
  now,
}: {
  field: HelperProps['field'];
  onApply: HelperProps['onApply'];
  token: TokenResponse;
  expiresAt: number;
  now: number;
}) {
  const jwt = prettyJwt(token.accessToken);
  const expired = now >= expiresAt;
  return (
    <div className="space-y-3 rounded border border-line p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm">
          <span className="font-medium">Access token: </span>
          <code className="font-mono text-xs break-all">{truncateToken(token.accessToken)}</code>
        </p>
        <CopyButton text={token.accessToken} label="Copy token" />
      </div>
      <p className="text-sm">
        <span className="font-medium">{token.tokenType}</span> token, scope &quot;{token.scope}&quot;,{' '}
        <span className="font-mono">{countdownText(expiresAt, now)}</span>
      </p>
      {/* Announced once, when the token runs out; the ticking countdown itself is not live (it would talk every second). */}
      <p role="status" className="text-sm">
        {expired ? 'The token has expired: a server now answers 401 with error="invalid_token" (RFC 6750 §3.1). Get a new one.' : ''}
      </p>
      {jwt ? (
        <dl className="space-y-3">
          <ComputationStep name="JWT header (decoded, not verified)" value={jwt.header} />
          <ComputationStep
            name="JWT claims (decoded, not verified)"
            value={jwt.claims}
            note="Anyone holding the token can read these; only the server, with its key, can check the signature. exp and iat are seconds since 1970 (RFC 7519 §2)."
          />
        </dl>
      ) : (
        <p className="text-sm text-muted">This token is not a JWT. That is fine: to the client a Bearer token is an opaque string.</p>
      )}
      <p className="text-sm">
        The lab&apos;s OAuth 2.0 token endpoint issued this token and JWT is only the format it is written in; Bearer is the HTTP authentication scheme that
        carries it, and whoever holds it can use it, so it needs TLS (RFC 6750 §5).
      </p>
      <ApplyButton field={field} value={`Bearer ${token.accessToken}`} onApply={onApply} label="Use this token" />
    </div>
  );
}
