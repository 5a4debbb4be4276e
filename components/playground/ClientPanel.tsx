'use client';

import { useId, type Dispatch } from 'react';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { PlaygroundState } from '@/lib/playground/model';
import type { ClientProfile, ConnectionMode, HeldSecret } from '@/lib/sandbox/scenario/client-profile';
import { SignInFields } from './SignInFields';

const TOKEN_KINDS = [
  ['valid', 'A valid token'],
  ['expired', 'An expired token'],
  ['forged', 'A token signed with another key'],
  ['garbage', 'Not a token at all'],
] as const;

function SecretEditor({ legend, secret, onChange }: { legend: string; secret: HeldSecret; onChange: (secret: HeldSecret) => void }) {
  const kind = secret.kind;
  // One name per group makes its radios one tab stop, arrows moving between them (HTML's radio button
  // group); without it each radio was a tab stop of its own (issue 16: six stops for two groups).
  const groupName = useId();
  return (
    <fieldset className="min-w-0 rounded border border-line p-3">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div role="radiogroup" aria-label={`${legend}: what the client holds`} className="flex flex-wrap gap-3 text-sm">
        {(['none', 'password', 'token'] as const).map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input
              type="radio"
              name={groupName}
              checked={kind === option}
              onChange={() =>
                onChange(
                  option === 'none'
                    ? { kind: 'none' }
                    : option === 'password'
                      ? { kind: 'password', user: 'alice', password: 'wonderland', charset: 'UTF-8' }
                      : { kind: 'token', token: 'valid', subject: 'alice', scope: ['read'] },
                )
              }
            />
            {option === 'none' ? 'Nothing' : option === 'password' ? 'User and password' : 'A Bearer token'}
          </label>
        ))}
      </div>
      {secret.kind === 'password' ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            User
            <input
              value={secret.user}
              onChange={(event) => onChange({ ...secret, user: event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1"
            />
          </label>
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            Password
            <input
              value={secret.password}
              onChange={(event) => onChange({ ...secret, password: event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1"
            />
          </label>
        </div>
      ) : null}
      {secret.kind === 'token' ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            Token
            <select
              value={secret.token}
              onChange={(event) => onChange({ ...secret, token: event.target.value as typeof secret.token })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1"
            >
              {TOKEN_KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            Its scope
            <input
              value={secret.scope.join(' ')}
              onChange={(event) => onChange({ ...secret, scope: event.target.value.split(/\s+/).filter(Boolean) })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1"
            />
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

const CONNECTION_CHOICES: readonly [ConnectionMode, string][] = [
  ['keep-alive', 'Keep one connection alive (HTTP/1.1’s default)'],
  ['new-per-request', 'Open a new connection for each request (as some load balancers do)'],
];

/** How the auto client uses connections: NTLM and Negotiate only work when it keeps one. */
function ConnectionsChoice({ client, onChange }: { client: ClientProfile; onChange: (connections: ConnectionMode) => void }) {
  const groupName = useId();
  return (
    <fieldset className="mt-3 min-w-0 rounded border border-line p-3">
      <legend className="px-1 text-sm font-semibold">Connections</legend>
      <div role="radiogroup" aria-label="Connections: how the client sends its requests" className="flex flex-wrap gap-3 text-sm">
        {CONNECTION_CHOICES.map(([mode, label]) => (
          <label key={mode} className="flex items-center gap-1">
            <input type="radio" name={groupName} checked={client.connections === mode} onChange={() => onChange(mode)} />
            {label}
          </label>
        ))}
      </div>
      <p className="mt-1 text-xs text-muted">NTLM and Negotiate authenticate the connection: their three legs must share one.</p>
    </fieldset>
  );
}

/** Manual, auto or OAuth mode; what the auto client may answer challenges with, or how the learner signs in on the consent page. */
export function ClientPanel({ state, dispatch }: { state: PlaygroundState; dispatch: Dispatch<PlaygroundAction> }) {
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1">
        <h2 className="text-lg font-bold">3. Client</h2>
      </legend>
      <div role="radiogroup" aria-label="Mode" className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={state.mode === 'auto'} onChange={() => dispatch({ type: 'set-mode', mode: 'auto' })} />
          Auto: the client answers challenges as a careful client would
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={state.mode === 'manual'} onChange={() => dispatch({ type: 'set-mode', mode: 'manual' })} />
          Manual: one request at a time
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={state.mode === 'oauth'} onChange={() => dispatch({ type: 'set-mode', mode: 'oauth' })} />
          OAuth: the client follows the 401’s resource_metadata to a token (RFC 9728)
        </label>
      </div>
      {state.mode === 'oauth' ? <SignInFields signIn={state.signIn} dispatch={dispatch} /> : null}
      {state.mode === 'auto' ? (
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <SecretEditor
            legend="For the origin (Authorization)"
            secret={state.client.origin}
            onChange={(origin) => dispatch({ type: 'set-client', client: { ...state.client, origin } })}
          />
          <SecretEditor
            legend="For the proxy (Proxy-Authorization)"
            secret={state.client.proxy}
            onChange={(proxy) => dispatch({ type: 'set-client', client: { ...state.client, proxy } })}
          />
        </div>
      ) : null}
      {state.mode === 'auto' ? (
        <ConnectionsChoice client={state.client} onChange={(connections) => dispatch({ type: 'set-client', client: { ...state.client, connections } })} />
      ) : null}
    </fieldset>
  );
}
