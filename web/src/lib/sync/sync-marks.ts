// The User Timing marks the page sets around every sync cycle it runs: they show in a performance
// trace, and the journey that holds the page to short tasks while it syncs reads them.
export const SYNC_START_MARK = 'dongne:sync-start';
export const SYNC_END_MARK = 'dongne:sync-end';
