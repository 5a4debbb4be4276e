import { useState, type FormEvent } from 'react';
import { ExchangeView } from './ExchangeView';
import { JsonView } from './JsonView';
import type { TokenFlowHop as TokenFlowStep } from './token-flow';

// What each request of the token flow is for: the protocol, not what the lab answered (that is shown as it came).
const EXPLAINS: Record<TokenFlowStep['kind'], { title: string; explains: string }> = {
  register: {
    title: 'Register a public client',
    explains: 'RFC 7591: a client with no secret (token_endpoint_auth_method none) registers this page as its redirect URI.',
  },
  'authorize-page': {
    title: 'Open the authorization page',
    explains:
      'With PKCE S256 (RFC 7636) and the DPoP resource as resource (RFC 8707). The builder reads the consent form’s hidden fields, as your browser would.',
  },
  consent: {
    title: 'Sign in and allow',
    explains:
      'The consent form posted back with your user name, password and Allow. The browser follows the 303 to the redirect URI, which carries the code (RFC 6749 §4.1.2).',
  },
  'token-first': {
    title: 'Token request with a proof, no nonce yet',
    explains:
      'The code, the PKCE verifier and a DPoP proof for POST to the token endpoint. RFC 9449 §8: a server may demand a nonce of its own; it then answers 400 use_dpop_nonce with a DPoP-Nonce field, before it spends the code.',
  },
  'token-retry': {
    title: 'Token request again, with the nonce',
    explains: 'A new proof (new jti and iat) that carries the nonce from DPoP-Nonce. A DPoP-bound token comes back with token_type DPoP (RFC 9449 §5).',
  },
};

export type BoundToken = { accessToken: string; claims: Record<string, unknown> };

type Props = {
  jkt: string;
  busy: boolean;
  steps: TokenFlowStep[];
  token: BoundToken | undefined;
  stopped: string | undefined;
  onSignIn: (user: { username: string; password: string }) => void;
};

export function TokenStep({ jkt, busy, steps, token, stopped, onSignIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSignIn({ username, password });
  };
  const cnf = token?.claims.cnf as { jkt?: unknown } | undefined;
  return (
    <section aria-labelledby="dpop-token-heading" className="mt-8">
      <h3 id="dpop-token-heading" className="text-lg font-semibold">
        2. Get a DPoP-bound token
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        From the lab&apos;s own authorization server. Sign in as a lab user: <code>alice</code> with <code>wonderland</code>, or <code>bob</code> with{' '}
        <code>builder</code>.
      </p>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          User name
          <input
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="off"
            className="rounded border border-line bg-canvas px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          Password
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="off"
            className="rounded border border-line bg-canvas px-2 py-1"
          />
        </label>
        <button type="submit" aria-disabled={busy} className="rounded bg-accent px-3 py-1.5 font-semibold text-accent-ink">
          Sign in and get a token
        </button>
      </form>
      {steps.map((step, index) => (
        <ExchangeView key={index} exchange={step.exchange} {...EXPLAINS[step.kind]} />
      ))}
      {stopped ? (
        <p className="mt-3 text-sm font-semibold" role="alert">
          No token: {stopped}
        </p>
      ) : null}
      {token ? (
        <>
          <JsonView label="The access token's claims" value={token.claims} />
          <p className="mt-2 text-sm">
            <span className="font-semibold">cnf.jkt </span>
            <code className="break-all">{String(cnf?.jkt)}</code>{' '}
            {cnf?.jkt === jkt ? 'is your key’s thumbprint: the token is bound to your key (RFC 9449 §6.1).' : 'is not your key’s thumbprint.'}
          </p>
        </>
      ) : null}
    </section>
  );
}
