// What the UI shows about the connection and sync; written only by the scheduler.
export const syncStatus = $state({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  /** The device has a connection, but the server did not answer the last sync. */
  unreachable: false,
  /** Last failure other than being offline, in words. */
  error: '' as string,
  lastSyncedAt: 0,
});
