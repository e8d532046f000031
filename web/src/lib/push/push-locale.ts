// The language a push is shown in: the one the app last ran in on this device, which the service
// worker reads from IndexedDB (the page's own choice lives in localStorage, out of its reach). The
// server's copy, from when pushes were turned on, is only the fallback.
import type { PushLocale } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { getLocale } from '../i18n/locale.js';

/** Called by the app when it starts with someone signed in; writes only when the language changed. */
export async function rememberLocaleForPushes(db: DongneDb): Promise<void> {
  const locale = getLocale();
  if ((await getMeta(db, 'locale')) !== locale) await setMeta(db, 'locale', locale);
}

export async function pushLocale(db: DongneDb, fallback: PushLocale): Promise<PushLocale> {
  return (await getMeta(db, 'locale')) ?? fallback;
}
