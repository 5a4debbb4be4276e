// localStorage that degrades to memory: storage can be blocked (privacy settings, third-party iframes)
// and reading it can throw. The lab must keep working, just without persistence.

const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function readPreference(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? memory.get(key);
  } catch {
    return memory.get(key);
  }
}

export function writePreference(key: string, value: string): void {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    // Quota or privacy mode: the in-memory copy keeps this page consistent.
  }
}
