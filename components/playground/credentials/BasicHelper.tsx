'use client';

import { useId, useState } from 'react';
import { type BasicCharset, encodeBasicCredentials, formatCredentials, getParam, parseChallenges } from '@/lib/http-auth';
import type { HelperProps } from './types';
import { ApplyButton, ComputationStep, PasswordField, TextField } from './ui';

// RFC 7617: Basic credentials are base64(user-id ":" password). Each step is shown as the reader
// types, in both encodings, because the bytes are where "£" and "ë" go wrong.

const utf8 = new TextEncoder();

function hex(bytes: Iterable<number>): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** ISO-8859-1 is one byte per character up to U+00FF; above that there is no byte. */
function latin1Bytes(text: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return undefined;
    bytes.push(code);
  }
  return bytes;
}

/** The characters outside ASCII, each with its bytes in both encodings (at most 8, no repeats). */
function nonAscii(text: string): { char: string; codePoint: string; utf8: string; latin1: string | undefined }[] {
  const seen = new Set<string>();
  for (const char of text) if ((char.codePointAt(0) ?? 0) > 0x7e && seen.size < 8) seen.add(char);
  return Array.from(seen, (char) => {
    const latin1 = latin1Bytes(char);
    return {
      char,
      codePoint: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      utf8: hex(utf8.encode(char)),
      latin1: latin1 && hex(latin1),
    };
  });
}

/** RFC 7617 §2.1: a Basic challenge may say charset="UTF-8"; it is the only value allowed. */
function serverAsksUtf8(challenges: string[]): boolean {
  if (challenges.length === 0) return false;
  const parsed = parseChallenges(challenges);
  return parsed.ok && parsed.value.some((c) => c.scheme.toLowerCase() === 'basic' && getParam(c.params, 'charset')?.toUpperCase() === 'UTF-8');
}

export function BasicHelper({ field, onApply, challenges }: HelperProps) {
  const id = useId();
  const [userId, setUserId] = useState('alice');
  const [password, setPassword] = useState('wonderland');
  const [charset, setCharset] = useState<BasicCharset>('UTF-8');

  const pair = `${userId}:${password}`;
  const result = encodeBasicCredentials({ userId, password }, charset);
  // The library reports where the problem is in "user-id:password"; show it under that input.
  const errorIndex = result.ok ? -1 : result.error.index;
  const userError = !result.ok && (result.error.code === 'basic-colon-in-user-id' || errorIndex < userId.length) ? result.error.message : undefined;
  const passwordError = !result.ok && userError === undefined ? result.error.message : undefined;
  const latin1 = latin1Bytes(pair);
  const special = nonAscii(pair);
  const header = result.ok ? formatCredentials(result.value) : undefined;

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="User-id" value={userId} onChange={setUserId} error={userError} hint='Cannot contain ":" (RFC 7617 §2).' />
        <PasswordField label="Password" value={password} onChange={setPassword} error={passwordError} />
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Encoding of the text before base64</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {(['UTF-8', 'ISO-8859-1'] as const).map((value) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-charset`} value={value} checked={charset === value} onChange={() => setCharset(value)} />
              {value === 'UTF-8' ? 'UTF-8' : 'ISO-8859-1 (legacy)'}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-muted">
          {serverAsksUtf8(challenges)
            ? 'The server\'s challenge says charset="UTF-8", so it expects UTF-8 (RFC 7617 §2.1).'
            : 'Without charset="UTF-8" in the challenge, many servers still read ISO-8859-1 (RFC 7617 §2.1).'}
        </p>
      </fieldset>

      <dl className="space-y-3">
        <ComputationStep name='1. The text: user-id ":" password' value={pair} />
        <ComputationStep name="2a. Its bytes in UTF-8 (hex)" value={hex(utf8.encode(pair))} />
        <ComputationStep
          name="2b. Its bytes in ISO-8859-1 (hex)"
          value={latin1 ? hex(latin1) : 'No bytes: a character is above U+00FF, which ISO-8859-1 cannot encode.'}
        />
        {special.length > 0 && (
          <div>
            <dt className="text-sm font-medium">Where the two encodings differ</dt>
            <dd>
              <ul className="mt-0.5 space-y-0.5 font-mono text-xs break-all">
                {special.map((s) => (
                  <li key={s.char}>
                    {s.char} {s.codePoint}: UTF-8 {s.utf8}; ISO-8859-1 {s.latin1 ?? 'none'}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <ComputationStep
          name={`3. Base64 of the ${charset} bytes`}
          value={result.ok ? (result.value.token68 ?? '') : '—'}
          note="Base64 is an encoding, not encryption: whoever sees the header reads the password, so Basic needs TLS (RFC 7617 §4)."
        />
        <ComputationStep name={`4. The ${field} value`} value={header ?? '— (fix the error above)'} />
      </dl>

      <p className="text-sm text-muted">
        In a script, <code className="font-mono">btoa(text)</code> throws on any character above U+00FF and turns &quot;£&quot; into its ISO-8859-1 byte. Encode
        the UTF-8 bytes first: <code className="font-mono break-all">btoa(String.fromCharCode(...new TextEncoder().encode(text)))</code>.
      </p>

      <ApplyButton field={field} value={header} onApply={onApply} label="Use this header" />
    </div>
  );
}
