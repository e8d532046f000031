declare module 'virtual:sync-worker-url' {
  /** Where the sync worker's script is (build-plugins/sync-worker-entry.ts); undefined when rendered on the server. */
  const url: string | undefined;
  export default url;
}
