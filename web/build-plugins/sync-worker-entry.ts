// The sync worker is built as one more entry of the page's own build, not apart from it as Vite
// builds a `new Worker(new URL(...))`: the modules it shares with the page (Dexie, the replica's
// schema, the shared types) are then the same files the page already fetched, so a first visit
// downloads them once instead of twice (built apart, the worker carried its own copy of Dexie).
// The page learns the entry's URL from `virtual:sync-worker-url`.
import { fileURLToPath } from 'node:url';
import type { Rollup, Plugin } from 'vite';

type OutputBundle = Rollup.OutputBundle;

const ID = 'virtual:sync-worker-url';
const RESOLVED = `\0${ID}`;
const WORKER_SOURCE = fileURLToPath(new URL('../src/lib/sync/sync-worker.ts', import.meta.url));
/** The entry's name in the build (its file is named by hash, as every chunk of the app is). */
const SYNC_WORKER_NAME = 'sync-worker';
/** Vite's helper that loads a dynamic import's chunks alongside it (one copy, shared by the page and the worker). */
export const PRELOAD_HELPER = '\0vite/preload-helper.js';
/**
 * The helper preloads by adding `<link rel=modulepreload>` to the document, and reports a failed
 * load on `window`: in the worker, which has neither, its dynamic imports (Yjs, the outbox's code)
 * threw before they loaded. There it now imports without preloading; the page's is unchanged.
 */
const WORKER_SAFE_PRELOAD: [string, string][] = [
  ['deps && deps.length > 0', "deps && deps.length > 0 && typeof document !== 'undefined'"],
  ['window.dispatchEvent(e)', 'globalThis.dispatchEvent(e)'],
];

export function syncWorkerEntry(): Plugin {
  let serving = false;
  let reference: string | undefined;
  return {
    name: 'dongne:sync-worker-entry',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id, options) {
      if (id !== RESOLVED) return undefined;
      // Rendered on the server, the page never starts a worker.
      if (options?.ssr) return 'export default undefined;';
      // The dev server compiles the source on request, as it does every module of the page.
      if (serving) return `export default new URL(${JSON.stringify(`/@fs${WORKER_SOURCE}`)}, import.meta.url).href;`;
      reference = this.emitFile({ type: 'chunk', id: WORKER_SOURCE, name: SYNC_WORKER_NAME });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    generateBundle(_options, bundle) {
      if (!reference) return;
      const written = this.getFileName(reference);
      refusePageOnlyModules(bundle, written);
      // Vite records the URL's reference among the page chunk's assets under the name it had before
      // hashing (`chunks/!~{02G}~.js`): SvelteKit would list that file for the service worker to
      // precache, and the install would fail on it. Named as it was written.
      for (const output of Object.values(bundle)) {
        const assets = output.type === 'chunk' ? output.viteMetadata?.importedAssets : undefined;
        for (const asset of assets ?? []) {
          if (asset in bundle || !asset.includes('!~{')) continue;
          assets!.delete(asset);
          assets!.add(written);
        }
      }
    },
    transform(code, id) {
      if (id !== PRELOAD_HELPER) return undefined;
      let safe = code;
      for (const [from, to] of WORKER_SAFE_PRELOAD) {
        // Loudly, should a new Vite write its helper differently: a silent miss breaks the worker.
        if (!safe.includes(from)) throw new Error(`dongne:sync-worker-entry: Vite's preload helper no longer has \`${from}\``);
        safe = safe.replace(from, to);
      }
      return safe;
    },
  };
}

/** Modules that belong to the page (they touch the document, or carry its framework) and must not load in the worker. */
const PAGE_ONLY = /node_modules[\\/](svelte|@sveltejs[\\/]kit)[\\/]|[\\/]paraglide[\\/]runtime/;

/**
 * Fails the build if the worker, now or through a lazy import, would load a file that also holds a
 * page-only module: the chunk groups in vite.config.ts decide which modules share a file, and one
 * pure module grouped with the page's (an outbox helper in the frame's `shell`) is enough to pull
 * Svelte into the worker, where it cannot run.
 */
function refusePageOnlyModules(bundle: OutputBundle, entry: string) {
  const seen = new Set<string>();
  const visit = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = bundle[file];
    if (chunk?.type !== 'chunk') return;
    const pageOnly = chunk.moduleIds.find((id) => PAGE_ONLY.test(id));
    if (pageOnly) {
      throw new Error(`dongne:sync-worker-entry: the sync worker would load ${pageOnly} (in ${file}, by way of ${[...path, file].join(' → ')}); give the worker's modules a file apart from the page's in vite.config.ts`);
    }
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next, [...path, file]);
  };
  visit(entry, []);
}
