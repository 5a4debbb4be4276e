'use client';

import { useId, useState } from 'react';
import { DIGEST_ALGORITHMS, type DigestAlgorithmName, type DigestQop, digestChallenge, readDigestChallenge } from '@/lib/http-auth';
import type { DigestCalculatorInput } from '@/lib/content/widgets/digest-calculator';
import { type DigestSteps, digestSteps } from '@/components/playground/credentials/digest-steps';
import { ComputationStep, ErrorText, TextField, inputClass } from '@/components/playground/credentials/ui';
import { domId } from './dom-id';

// Every value comes from the lab's Digest library: the challenge is built by the server's
// digestChallenge and answered by answerDigestChallenge (through digestSteps, which the playground's
// Digest helper uses too), so the numbers are the ones the sandbox checks. No second implementation.

type Result = { kind: 'steps'; steps: DigestSteps } | { kind: 'error'; message: string };

function compute(input: DigestCalculatorInput): Result {
  const nc = Number(input.nc);
  if (!/^\d+$/.test(input.nc) || nc < 1 || nc > 0xffffffff) return { kind: 'error', message: 'nc is a count from 1 (sent as 8 hex digits, RFC 7616 §3.4).' };
  const challenge = digestChallenge({
    realm: input.realm,
    nonce: input.nonce,
    opaque: input.opaque,
    algorithm: input.algorithm,
    qop: [input.qop],
    userhash: input.userhash,
  });
  const read = readDigestChallenge(challenge);
  if (!read.ok) return { kind: 'error', message: read.error.message };
  const chosen = { label: `Digest ${input.algorithm}`, challenge, digest: read.value, notes: [] };
  const result = digestSteps({ chosen, ...input, nc, qop: input.qop });
  return result.ok ? { kind: 'steps', steps: result.steps } : { kind: 'error', message: result.error };
}

function Steps({ steps, input }: { steps: DigestSteps; input: DigestCalculatorInput }) {
  const H = input.algorithm.replace(/-sess$/, '');
  return (
    <dl className="mt-4 space-y-3">
      {steps.sessionBase !== undefined && <ComputationStep whole name={`H(username ":" realm ":" password), ${H}`} value={steps.sessionBase} />}
      <ComputationStep
        whole
        name={steps.sessionBase === undefined ? 'A1 = username ":" realm ":" password' : 'A1 = H(username:realm:password) ":" nonce ":" cnonce (-sess, §3.4.2)'}
        value={steps.a1}
      />
      <ComputationStep whole name={`H(A1), ${H}`} value={steps.ha1} />
      {steps.hBody !== undefined && (
        <ComputationStep whole name={`H(body), ${H}`} value={steps.hBody} note="auth-int covers the body too; an empty body still has a hash." />
      )}
      <ComputationStep whole name={steps.hBody === undefined ? 'A2 = method ":" uri' : 'A2 = method ":" uri ":" H(body) (§3.4.3)'} value={steps.a2} />
      <ComputationStep whole name={`H(A2), ${H}`} value={steps.ha2} />
      <ComputationStep whole name={'Hashed for the response: H(A1) ":" nonce ":" nc ":" cnonce ":" qop ":" H(A2)'} value={steps.kdData} />
      <ComputationStep whole name={`response = KD(H(A1), …), ${H}`} value={steps.response} />
      <ComputationStep whole name="The Authorization value" value={steps.header} note={steps.usernameNote} />
    </dl>
  );
}

/** The interactive part of <DigestCalculator>: labelled inputs, then every step of RFC 7616 §3.4. */
export function DigestCalculatorForm({ initial }: { initial: DigestCalculatorInput }) {
  const base = `digest-calc-${domId(useId())}`;
  const [input, setInput] = useState(initial);
  const set =
    <K extends keyof DigestCalculatorInput>(key: K) =>
    (value: DigestCalculatorInput[K]) =>
      setInput((current) => ({ ...current, [key]: value }));
  const result = compute(input);
  return (
    <figure className="not-prose my-6 rounded-lg border border-line p-4" aria-labelledby={`${base}-caption`}>
      <figcaption id={`${base}-caption`} className="text-sm font-medium">
        Digest calculator (RFC 7616 §3.4.1–§3.4.4)
        <span className="block text-xs font-normal text-muted">
          Filled in with the RFC 7616 §3.9.1 example. Change any value and every step below follows, computed by the lab&apos;s own Digest library.
        </span>
      </figcaption>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <TextField label="User name" value={input.username} onChange={set('username')} />
        <TextField label="Password" value={input.password} onChange={set('password')} />
        <TextField label="realm" value={input.realm} onChange={set('realm')} />
        <div className="grid grid-cols-[6rem_1fr] gap-2">
          <TextField label="Method" value={input.method} onChange={set('method')} />
          <TextField label="uri" value={input.uri} onChange={set('uri')} />
        </div>
        <TextField label="nonce (from the challenge)" value={input.nonce} onChange={set('nonce')} />
        <TextField label="cnonce (the client's random value)" value={input.cnonce} onChange={set('cnonce')} />
        <TextField label="nc (request count, sent as 8 hex digits)" value={input.nc} onChange={set('nc')} />
        <div className="min-w-0">
          <label htmlFor={`${base}-algorithm`} className="block text-sm font-medium">
            algorithm
          </label>
          <select
            id={`${base}-algorithm`}
            value={input.algorithm}
            onChange={(e) => set('algorithm')(e.target.value as DigestAlgorithmName)}
            className={inputClass}
          >
            {DIGEST_ALGORITHMS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor={`${base}-qop`} className="block text-sm font-medium">
            qop
          </label>
          <select id={`${base}-qop`} value={input.qop} onChange={(e) => set('qop')(e.target.value as DigestQop)} className={inputClass}>
            <option value="auth">auth</option>
            <option value="auth-int">auth-int (also hashes the body)</option>
          </select>
        </div>
        <label className="inline-flex items-center gap-2 self-end text-sm font-medium">
          <input type="checkbox" checked={input.userhash} onChange={(e) => set('userhash')(e.target.checked)} />
          userhash (send H(username &quot;:&quot; realm), §3.4.4)
        </label>
        {input.qop === 'auth-int' && (
          <div className="sm:col-span-2">
            <label htmlFor={`${base}-body`} className="block text-sm font-medium">
              Request body
            </label>
            <textarea id={`${base}-body`} rows={2} value={input.body} onChange={(e) => set('body')(e.target.value)} spellCheck={false} className={inputClass} />
          </div>
        )}
      </div>
      {/* No live region: the steps are long, and announcing them on every keystroke would drown the input. */}
      {result.kind === 'steps' ? <Steps steps={result.steps} input={input} /> : <ErrorText id={`${base}-error`}>{result.message}</ErrorText>}
    </figure>
  );
}
