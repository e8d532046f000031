// Whether this device has been through the first-run screen (finished or skipped). Kept in
// localStorage, not IndexedDB: the root layout reads it synchronously before the feed renders.
export const FIRST_RUN_DONE_KEY = 'dongne.firstRunDone';

export function isFirstRunDone(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(FIRST_RUN_DONE_KEY) === '1';
  } catch {
    // Storage blocked (some private modes): never trap the person on the first-run screen.
    return true;
  }
}

export function markFirstRunDone(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(FIRST_RUN_DONE_KEY, '1');
  } catch {
    // Nothing to remember it in; isFirstRunDone says true in that case anyway.
  }
}

/** Only the home page sends a new visitor to the first-run screen: a shared link opens as it is. */
export function needsFirstRun(pathname: string, storage?: Pick<Storage, 'getItem'>): boolean {
  return pathname === '/' && !isFirstRunDone(storage);
}
