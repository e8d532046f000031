import { redirect } from '@sveltejs/kit';
import { applyDocumentLanguage } from '$lib/i18n/locale';
import { needsFirstRun } from '$lib/first-run/first-run';
import { db } from '$lib/db/db';
import type { LayoutLoad } from './$types';

// Everything renders in the browser from the local replica; there is nothing to prerender.
export const ssr = false;
export const prerender = false;

/** How long the first screen waits for the replica to open before it mounts regardless. */
const OPEN_WAIT_MS = 2_000;

export const load: LayoutLoad = async ({ url }) => {
  applyDocumentLanguage();
  // A new visitor's first look at the app is the first-run screen (its own, lazily loaded route).
  if (needsFirstRun(url.pathname)) redirect(307, '/welcome');
  // The replica opened (on a first visit, created) before the screens mount and the first sync
  // starts: its upgrade is the app starting, not a task in the middle of the sync. Once open this
  // answers at once. A browser without IndexedDB still gets its screens, which say what failed; so
  // does one whose open is held up (another tab blocking an upgrade): they wait no longer than this.
  await Promise.race([db.open().catch(() => {}), new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS))]);
};
