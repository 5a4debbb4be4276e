'use client';

import { useId, useState } from 'react';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { newCodeVerifier, s256Challenge, verifierProblem, type VerifierProblem } from '@/lib/oauth/pkce';

// PKCE by hand (RFC 7636 §4.1, §4.2): a code_verifier, its SHA-256, and the base64url challenge, computed
// in this browser with the same functions the lab's server checks with (lib/oauth/pkce.ts).

function problemText(problem: VerifierProblem): string {
  switch (problem.kind) {
    case 'verifier-length':
      return `A code_verifier has 43 to 128 characters; this one has ${problem.length} (RFC 7636 §4.1).`;
    case 'verifier-character':
      return `Character ${problem.index + 1}, “${problem.character}”, is not allowed: only letters, digits and - . _ ~ (RFC 7636 §4.1).`;
    default: {
      const never: never = problem;
      return never;
    }
  }
}

export function PkceHelper({ runVerifier, runChallenge }: { runVerifier?: { value: string; step: number }; runChallenge?: { value: string; step: number } }) {
  const [verifier, setVerifier] = useState(() => runVerifier?.value ?? newCodeVerifier());
  const inputId = useId();
  const problem = verifierProblem(verifier);
  const digest = problem ? undefined : sha256(new TextEncoder().encode(verifier));
  const challenge = problem ? undefined : s256Challenge(verifier);
  return (
    <section aria-labelledby={`${inputId}-heading`} className="min-w-0 rounded-lg border border-line p-4 break-words">
      <h3 id={`${inputId}-heading`} className="font-semibold">
        PKCE: verifier → S256 → challenge
      </h3>
      <p className="mt-1 text-sm text-muted">
        The client keeps the verifier and sends only its hash in the authorization request; at the token endpoint it shows the verifier, and the server hashes
        it again (RFC 7636 §4.6). Someone who steals the code from the redirect cannot redeem it without the verifier.
      </p>
      <label htmlFor={inputId} className="mt-3 block text-sm font-semibold">
        code_verifier
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={inputId}
          value={verifier}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setVerifier(event.target.value)}
          className="min-w-0 flex-1 rounded border border-line bg-canvas px-2 py-1 font-mono text-xs"
        />
        <button type="button" onClick={() => setVerifier(newCodeVerifier())} className="rounded border border-line px-3 py-1 text-sm hover:bg-surface">
          New verifier
        </button>
      </div>
      {runVerifier && verifier !== runVerifier.value ? (
        <button type="button" onClick={() => setVerifier(runVerifier.value)} className="mt-1 text-sm underline">
          Use the verifier of step {runVerifier.step}
        </button>
      ) : null}
      <div aria-live="polite">
        {problem ? (
          <p className="mt-2 text-sm">
            <span className="font-semibold">Not a code_verifier: </span>
            {problemText(problem)}
          </p>
        ) : (
          <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">SHA-256 (hex)</dt>
            <dd className="font-mono text-xs break-all">{digest ? bytesToHex(digest) : ''}</dd>
            <dt className="font-semibold">code_challenge</dt>
            <dd className="font-mono text-xs break-all">{challenge}</dd>
          </dl>
        )}
        {challenge && runChallenge ? (
          <p className="mt-2 text-sm">
            {challenge === runChallenge.value
              ? `Same as the code_challenge the client sent in step ${runChallenge.step}: this is the verifier that redeems the code.`
              : `Not the code_challenge the client sent in step ${runChallenge.step} (${runChallenge.value}): the token endpoint would refuse this verifier with invalid_grant.`}
          </p>
        ) : null}
      </div>
    </section>
  );
}
