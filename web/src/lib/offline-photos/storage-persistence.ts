// Asks the browser once to keep Dongne's data (persistent storage), when the person shows they use
// it: the app is installed, or opened on several different days. Until then a browser may clear a
// site's data when space runs low; asking earlier would be a prompt to a stranger in some browsers.

const DAYS_KEY = 'dongne.useDays';
const ASKED_KEY = 'dongne.persistAsked';
export const DAYS_BEFORE_ASKING = 3;

export interface PersistenceDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  manager: Pick<StorageManager, 'persist' | 'persisted'> | undefined;
  standalone: boolean;
  now: number;
}

/** The local calendar day, so "several days" means days the person lived, not 24-hour spans. */
const dayOf = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

/**
 * Counts today as a day of use, and asks for persistent storage if the time has come and it was
 * never asked. Answers whether it asked now.
 */
export async function noteUseAndMaybePersist(deps: PersistenceDeps = browserDeps()): Promise<boolean> {
  const { storage, manager, standalone, now } = deps;
  let days: string[] = [];
  try {
    days = JSON.parse(storage.getItem(DAYS_KEY) ?? '[]');
  } catch {
    // A damaged list starts again.
  }
  const today = dayOf(now);
  if (!days.includes(today) && days.length < DAYS_BEFORE_ASKING) storage.setItem(DAYS_KEY, JSON.stringify((days = [...days, today])));
  if (!manager || storage.getItem(ASKED_KEY)) return false;
  if (!standalone && days.length < DAYS_BEFORE_ASKING) return false;
  storage.setItem(ASKED_KEY, String(now));
  if (await manager.persisted()) return false;
  await manager.persist();
  return true;
}

function browserDeps(): PersistenceDeps {
  return {
    storage: localStorage,
    manager: navigator.storage,
    standalone: matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true,
    now: Date.now(),
  };
}
