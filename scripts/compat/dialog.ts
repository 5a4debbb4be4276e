import type { LabCase } from './adapter';

// The browser's login dialog, answered as a user with the case's credentials answers it (chromium.ts and
// firefox-esr.ts): each dialog (who asks, for which origin and realm) gets the user name and password
// once; the same dialog asking again means they were refused, and the user cancels it rather than typing
// the same password forever. A case with a token has no password to type: its dialogs are cancelled.

/** `scheme` undefined: the browser asked without saying for which challenge (Firefox's BiDi event, after a 407, names none). */
export type Dialog = { source: 'Server' | 'Proxy'; origin: string; scheme?: string; realm: string };
export type DialogAnswer = { kind: 'provide'; username: string; password: string } | { kind: 'cancel' };

export type DialogUser = { answer: (dialog: Dialog) => DialogAnswer; /** What the dialogs asked and got, for the note. */ words: () => string };

export function dialogUser(c: LabCase): DialogUser {
  const { username, password } = c.credentials;
  const answered = new Set<string>();
  const seen: string[] = [];
  return {
    answer(dialog) {
      const key = `${dialog.source} ${dialog.origin} ${dialog.realm}`;
      const first = !answered.has(key);
      answered.add(key);
      const provide = first && username !== undefined && password !== undefined;
      const asked =
        dialog.scheme === undefined
          ? 'a dialog whose event named no challenge'
          : `${dialog.source === 'Proxy' ? 'the proxy' : 'the server'} asked (${dialog.scheme}${dialog.realm ? ` realm "${dialog.realm}"` : ''})`;
      seen.push(`${asked}: ${provide ? 'answered' : 'cancelled'}`);
      return provide ? { kind: 'provide', username, password } : { kind: 'cancel' };
    },
    words: () => (seen.length === 0 ? 'No login dialog.' : `Login dialog: ${seen.join('; ')}.`),
  };
}
