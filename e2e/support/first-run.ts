// The app shows its first-run screen (/welcome) until the device has been through it, which it
// remembers under this localStorage key. Journeys and scripts about other things start past it.
import type { BrowserContext } from '@playwright/test';

export const FIRST_RUN_DONE_KEY = 'dongne.firstRunDone';

export async function skipFirstRun(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => localStorage.setItem(key, '1'), FIRST_RUN_DONE_KEY);
}
