'use client';

import { useId, type Dispatch } from 'react';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { SignIn } from '@/lib/sandbox/exchange/input';

/**
 * oauth mode: what you type on the authorization server's consent page when the chain reaches it. A wrong
 * password or Deny is sent as it is, so the result shows what really happens (the page again, or
 * error=access_denied).
 */
export function SignInFields({ signIn, dispatch }: { signIn: SignIn; dispatch: Dispatch<PlaygroundAction> }) {
  const decisionName = useId();
  const otpNote = useId();
  const set = (change: Partial<SignIn>) => dispatch({ type: 'set-sign-in', signIn: change });
  return (
    <fieldset className="mt-3 min-w-0 rounded border border-line p-3">
      <legend className="px-1 text-sm font-semibold">On the consent page, you sign in as</legend>
      <div className="flex flex-wrap gap-2">
        <label className="flex min-w-0 flex-1 flex-col text-sm">
          User name
          <input
            value={signIn.username}
            autoComplete="off"
            onChange={(event) => set({ username: event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1"
          />
        </label>
        <label className="flex min-w-0 flex-1 flex-col text-sm">
          Password
          <input
            value={signIn.password}
            autoComplete="off"
            onChange={(event) => set({ password: event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1"
          />
        </label>
        <label className="flex min-w-0 flex-1 flex-col text-sm">
          One-time code, if the page asks
          <input
            value={signIn.otp ?? ''}
            autoComplete="off"
            inputMode="numeric"
            placeholder="the code the page shows"
            aria-describedby={otpNote}
            // Empty: the browser types the code the page shows. A value here is typed instead, right or wrong.
            onChange={(event) => set({ otp: event.target.value === '' ? undefined : event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1"
          />
        </label>
      </div>
      <p id={otpNote} className="mt-1 text-xs text-muted">
        Only a step-up asks for one (acr_values=mfa, RFC 9470). Leave it empty to type the code the page shows; type another to see the page refuse it.
      </p>
      <div role="radiogroup" aria-label="Your answer on the consent page" className="mt-2 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name={decisionName} checked={signIn.decision === 'allow'} onChange={() => set({ decision: 'allow' })} />
          Allow
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={decisionName} checked={signIn.decision === 'deny'} onChange={() => set({ decision: 'deny' })} />
          Deny
        </label>
      </div>
      <p className="mt-2 text-xs text-muted">Lab users only: alice / wonderland, bob / builder. Try a wrong password, or Deny, to see what the client gets.</p>
    </fieldset>
  );
}
