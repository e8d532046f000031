// What the UI shows about the connection and sync; written only by the scheduler.
export const syncStatus = $state({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  /** Last failure other than being offline, in words. */
  error: '' as string,
  lastSyncedAt: 0,
});
