// The sync worker loads Yjs and the outbox's code in chunks of its own, which Vite builds apart
// from the page's. SvelteKit lists for the service worker's precache only what the client manifest
// names: the worker's entry file is there, its chunks are not, so a device opened offline started
// a worker that could not load them, and every sync it ran failed until the page was closed.
// This names them in the manifest, as files the chunk that starts the worker depends on.
import type { Plugin } from 'vite';

const WORKER_FILE = /(^|\/)workers\/[^/]+\.js$/;

export function precacheWorkerChunks(): Plugin {
  return {
    name: 'dongne:precache-worker-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const workerFiles = Object.keys(bundle).filter((file) => file.includes('/workers/'));
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const assets = output.viteMetadata?.importedAssets;
        if (assets && [...assets].some((file) => WORKER_FILE.test(file))) {
          for (const file of workerFiles) assets.add(file);
        }
      }
    },
  };
}
