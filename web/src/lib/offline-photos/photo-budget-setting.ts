// The space the person lets offline photos take on this device, kept in localStorage (a setting of
// the device, like its language): read by the page that fills the cache and the account screen.

const MB = 1024 * 1024;
export const BUDGET_CHOICES = [25 * MB, 50 * MB, 100 * MB, 200 * MB] as const;
export const DEFAULT_BUDGET = 50 * MB;
const KEY = 'dongne.photoBudgetBytes';

/** The budget in bytes: the person's choice on this device, else 50 MB. */
export function photoBudget(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number {
  const stored = Number(storage?.getItem(KEY) ?? NaN);
  return Number.isFinite(stored) && stored >= 0 ? stored : DEFAULT_BUDGET;
}

export function setPhotoBudget(bytes: number, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, String(Math.max(0, Math.round(bytes))));
}
