// The build plugin's own refusals and repairs, on bundles made up for the purpose: every real build
// runs them too (npm test builds first), but only on a bundle that is right.
import type { Plugin, Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { PRELOAD_HELPER, syncWorkerEntry } from './sync-worker-entry.js';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (plugin: Plugin, name: keyof Plugin, context: unknown, ...args: unknown[]) => (plugin[name] as Hook).call(context, ...args);

const WORKER_FILE = '_app/immutable/chunks/Worker1.js';
const PLACEHOLDER = '_app/immutable/chunks/!~{02G}~.js';

/** A plugin that has been asked for the worker's URL in a client build, as the layout's chunk asks. */
function builtPlugin() {
  const plugin = syncWorkerEntry();
  call(plugin, 'configResolved', undefined, { command: 'build' });
  const resolved = call(plugin, 'resolveId', undefined, 'virtual:sync-worker-url') as string;
  const code = call(plugin, 'load', { emitFile: () => 'ref1' }, resolved, { ssr: false });
  expect(code).toBe('export default import.meta.ROLLUP_FILE_URL_ref1;');
  return plugin;
}

function chunk(fileName: string, moduleIds: string[], more: Partial<Rollup.OutputChunk> = {}) {
  return { type: 'chunk', fileName, moduleIds, imports: [], dynamicImports: [], ...more } as unknown as Rollup.OutputChunk;
}

function generate(plugin: Plugin, bundle: Record<string, Rollup.OutputChunk>) {
  call(plugin, 'generateBundle', { getFileName: () => WORKER_FILE }, {}, bundle);
}

describe('the sync worker built as an entry of the page', () => {
  it('gives the server-side render no worker, and the dev server the source', () => {
    const plugin = syncWorkerEntry();
    call(plugin, 'configResolved', undefined, { command: 'serve' });
    expect(call(plugin, 'load', undefined, '\0virtual:sync-worker-url', { ssr: true })).toBe('export default undefined;');
    expect(call(plugin, 'load', undefined, '\0virtual:sync-worker-url', { ssr: false })).toMatch(/new URL\(".*src\/lib\/sync\/sync-worker\.ts"/);
  });

  it('refuses a build whose worker would load Svelte, even through a lazy import, and names the way', () => {
    const plugin = builtPlugin();
    const bundle = {
      [WORKER_FILE]: chunk(WORKER_FILE, ['/app/src/lib/sync/sync-worker.ts'], { dynamicImports: ['lazy.js'] }),
      'lazy.js': chunk('lazy.js', ['/app/src/lib/drafts/pulled-drafts.ts'], { imports: ['shell.js'] }),
      'shell.js': chunk('shell.js', ['/app/node_modules/svelte/src/internal/client/index.js']),
    };
    expect(() => generate(plugin, bundle)).toThrow(/svelte.*by way of .*Worker1\.js → lazy\.js → shell\.js/);
  });

  it('lets a worker that loads only its own and shared modules through, and names the placeholder as written', () => {
    const plugin = builtPlugin();
    const layout = chunk('nodes/0.js', ['/app/src/routes/+layout.svelte'], { viteMetadata: { importedAssets: new Set([PLACEHOLDER]), importedCss: new Set() } });
    const bundle = {
      [WORKER_FILE]: chunk(WORKER_FILE, ['/app/src/lib/sync/sync-worker.ts'], { imports: ['replica.js'] }),
      'replica.js': chunk('replica.js', ['/app/node_modules/dexie/dist/dexie.js']),
      'nodes/0.js': layout,
    };
    generate(plugin, bundle);
    expect([...layout.viteMetadata!.importedAssets]).toEqual([WORKER_FILE]);
  });

  it("makes Vite's preload helper safe where there is no document, and fails loudly on a helper it does not know", () => {
    const plugin = syncWorkerEntry();
    const helper = 'function preload(base, deps) { if (__VITE_IS_MODERN__ && deps && deps.length > 0) {} window.dispatchEvent(e); }';
    const safe = call(plugin, 'transform', undefined, helper, PRELOAD_HELPER) as string;
    expect(safe).toContain("deps.length > 0 && typeof document !== 'undefined'");
    expect(safe).toContain('globalThis.dispatchEvent(e)');
    expect(call(plugin, 'transform', undefined, 'export const x = 1;', '/app/src/x.ts')).toBeUndefined();
    expect(() => call(plugin, 'transform', undefined, 'function preload(deps) { if (deps?.length) {} }', PRELOAD_HELPER)).toThrow(/no longer has/);
  });
});
