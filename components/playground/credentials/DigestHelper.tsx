'use client';

import { useId, useState, useSyncExternalStore } from 'react';
import { type DigestQop, encodeBase64 } from '@/lib/http-auth';
import { digestSteps, readChallenges, type UsableChallenge } from './digest-steps';
import { challengeFieldAnsweredBy, type HelperProps } from './types';
import { ApplyButton, buttonClass, ComputationStep, ErrorText, inputClass, PasswordField, TextField } from './ui';

// RFC 7616: answer the last response's Digest challenge, showing A1, A2 and KD with the real values.

/** RFC 7616 §3.4: the cnonce is the client's own random value; 24 bytes, as the library makes it. */
const randomCnonce = () => encodeBase64(crypto.getRandomValues(new Uint8Array(24)));

const noSubscribe = () => () => {};

export type DigestHelperProps = HelperProps & {
  /** A fixed cnonce, for tests and lessons that reproduce the RFC 7616 §3.9.1 example. */
  cnonce?: string;
};

export function DigestHelper({ field, onApply, challenges, method, target, body, cnonce: fixedCnonce }: DigestHelperProps) {
  const id = useId();
  const read = readChallenges(challenges);
  const [selected, setSelected] = useState(0);
  const chosen = read.usable[Math.min(selected, read.usable.length - 1)];

  if (read.usable.length === 0 || chosen === undefined) {
    return (
      <div className="space-y-2 text-sm">
        {read.unreadable !== undefined && (
          <p>
            The {challengeFieldAnsweredBy(field)} field could not be read: {read.unreadable}
          </p>
        )}
        {read.ignored.map((reason) => (
          <p key={reason}>A Digest challenge was ignored: {reason}</p>
        ))}
        <p>Send the request first to get a Digest challenge (its nonce).</p>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {read.usable.length > 1 && (
        <div>
          <label htmlFor={`${id}-challenge`} className="block text-sm font-medium">
            Challenge to answer
          </label>
          <select
            id={`${id}-challenge`}
            value={Math.min(selected, read.usable.length - 1)}
            onChange={(event) => setSelected(Number(event.target.value))}
            className={inputClass}
          >
            {read.usable.map((u, index) => (
              <option key={index} value={index}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {read.ignored.map((reason) => (
        <p key={reason} className="text-sm text-muted">
          Ignored: {reason}
        </p>
      ))}
      <DigestAnswer chosen={chosen} field={field} onApply={onApply} method={method} target={target} body={body} fixedCnonce={fixedCnonce} />
    </div>
  );
}

type AnswerProps = { chosen: UsableChallenge; fixedCnonce: string | undefined } & Pick<HelperProps, 'field' | 'onApply' | 'method' | 'target' | 'body'>;

function DigestAnswer({ chosen, field, onApply, method, target, body, fixedCnonce }: AnswerProps) {
  const id = useId();
  const d = chosen.digest;
  const [username, setUsername] = useState('alice');
  const [password, setPassword] = useState('wonderland');
  const [qop, setQop] = useState<DigestQop | undefined>(d.qop.includes('auth') ? 'auth' : d.qop[0]);
  const [ncText, setNcText] = useState('1');
  // Random values differ between the server render and hydration, so the cnonce is shown only once
  // hydrated (the server snapshot says false); a client-side mount sees true at once.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [generated, setGenerated] = useState(() => (typeof window === 'undefined' ? '' : randomCnonce()));
  const cnonce = fixedCnonce ?? (hydrated ? generated : '');

  const nc = Number(ncText);
  const ncError = Number.isInteger(nc) && nc >= 1 && nc <= 0xffffffff ? undefined : 'nc is a count from 1 (sent as 8 hex digits, RFC 7616 §3.4).';
  const usedQop = qop !== undefined && d.qop.includes(qop) ? qop : d.qop[0];
  const result = cnonce === '' || ncError ? undefined : digestSteps({ chosen, username, password, method, uri: target, body, qop: usedQop, nc, cnonce });
  const steps = result?.ok ? result.steps : undefined;
  const H = d.algorithm.hash;

  return (
    <div className="space-y-4">
      <p className="text-sm">
        Answering <strong>{chosen.label}</strong>, nonce <code className="font-mono text-xs break-all">{d.nonce}</code>
        {d.opaque !== undefined && <>, opaque sent back unchanged</>}.
      </p>
      {d.stale && (
        <p className="text-sm">
          stale=true: the nonce is old, so answer this new nonce without asking the user again (RFC 7616 §3.3). The sandbox says so only after checking your
          response, as RFC 2617 promised.
        </p>
      )}
      {chosen.notes.map((note) => (
        <p key={note} className="text-sm text-muted">
          {note}
        </p>
      ))}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="User name" value={username} onChange={setUsername} />
        <PasswordField label="Password" value={password} onChange={setPassword} />
      </div>
      {d.qop.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium">qop (offered by the challenge)</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {d.qop.map((q) => (
              <label key={q} className="inline-flex items-center gap-1.5">
                <input type="radio" name={`${id}-qop`} value={q} checked={usedQop === q} onChange={() => setQop(q)} />
                {q === 'auth' ? 'auth' : 'auth-int (also hashes the body)'}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {d.qop.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="nc (this request's number for this nonce)"
            value={ncText}
            onChange={setNcText}
            error={ncError}
            hint="A client counts the requests it sends with one nonce: the first is 00000001, and reusing the nonce needs nc+1 (00000002…) so the server can refuse a replay (RFC 7616 §3.4)."
          />
          <div className="min-w-0">
            <p className="text-sm font-medium">cnonce (the client&apos;s random value)</p>
            <code className="mt-1 block rounded bg-surface px-2 py-1.5 font-mono text-xs break-all">{cnonce || '…'}</code>
            {fixedCnonce === undefined && (
              <button type="button" onClick={() => setGenerated(randomCnonce())} className={`${buttonClass} mt-1`}>
                New cnonce
              </button>
            )}
          </div>
        </div>
      )}

      {result && !result.ok && <ErrorText id={`${id}-error`}>{result.error}</ErrorText>}
      {steps && (
        <dl className="space-y-3">
          {steps.sessionBase !== undefined && <ComputationStep name={`H(username ":" realm ":" password), ${H}`} value={steps.sessionBase} />}
          <ComputationStep
            name={steps.sessionBase === undefined ? 'A1 = username ":" realm ":" password' : 'A1 = H(username:realm:password) ":" nonce ":" cnonce (-sess)'}
            value={steps.a1}
          />
          <ComputationStep name={`H(A1), ${H}`} value={steps.ha1} />
          {steps.hBody !== undefined && (
            <ComputationStep name={`H(body), ${H}`} value={steps.hBody} note="auth-int protects the body too; an empty body still has a hash." />
          )}
          <ComputationStep
            name={steps.hBody === undefined ? 'A2 = method ":" request-uri' : 'A2 = method ":" request-uri ":" H(body)'}
            value={steps.a2}
            note="request-uri is the request-target exactly as sent on the request line."
          />
          <ComputationStep name={`H(A2), ${H}`} value={steps.ha2} />
          <ComputationStep
            name={
              steps.qop === undefined
                ? 'KD(H(A1), nonce ":" H(A2)): the data hashed'
                : 'KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2)) = H(H(A1) ":" …): the data hashed'
            }
            value={steps.kdData}
          />
          <ComputationStep name="response" value={steps.response} />
          <ComputationStep name={`The ${field} value`} value={steps.header} note={steps.usernameNote} />
        </dl>
      )}
      <ApplyButton field={field} value={steps?.header} onApply={onApply} label="Use this header" />
    </div>
  );
}
