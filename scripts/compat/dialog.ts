import type { LabCase } from './adapter';

// The browser's login dialog, answered as a user with the case's credentials answers it (chromium.ts and
// firefox-esr.ts): each dialog (who asks, for which origin, scheme and realm) gets the user name and
// password; when the same dialog comes back the user types them once more (a typo?), and the third time
// cancels it rather than typing the same password forever. A case with a token has no password to type:
// its dialogs are cancelled. The note lists every dialog, so a browser that asks twice shows.

/** `scheme` undefined: the browser asked without saying for which challenge (Firefox's BiDi event, after a 407, names none). */
export type Dialog = { source: 'Server' | 'Proxy'; origin: string; scheme?: string; realm: string };
export type DialogAnswer = { kind: 'provide'; username: string; password: string } | { kind: 'cancel' };

/** How many times a user types the password into the same dialog before giving up. */
const TRIES = 2;

export type DialogUser = { answer: (dialog: Dialog) => DialogAnswer; /** What the dialogs asked and got, for the note. */ words: () => string };

export function dialogUser(c: LabCase): DialogUser {
  const { username, password, token } = c.credentials;
  const answered = new Map<string, number>();
  const seen: string[] = [];
  return {
    answer(dialog) {
      const key = `${dialog.source} ${dialog.origin} ${dialog.scheme ?? ''} ${dialog.realm}`;
      const tries = answered.get(key) ?? 0;
      answered.set(key, tries + 1);
      const provide = tries < TRIES && token === undefined;
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
