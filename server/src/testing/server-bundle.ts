// server/src/main.ts compiled once per test process into one ES module, for tests that start the
// real server as a child process. Started through tsx, each server spends ~0.5 s compiling and
// resolving a few hundred modules before it can listen; journeys and process tests start many.
// Tests only.
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * The server's own code (server/ and shared/) in the bundle, its packages left as imports. Each
 * module's import.meta.url becomes its source file's URL, so the paths it finds from there
 * (migrations, the dongs, demo data) are the ones tsx would find.
 */
const serverSourceOnly: Plugin = {
  name: 'server-source-only',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@dongne/') ? undefined : { external: true }));
    bundle.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

let bundled: Promise<string> | undefined;

/**
 * The path of the compiled entry point, built on first use. It lives under node_modules/ so the
 * bundle's package imports resolve as the sources' do, and is removed when this process exits.
 */
export function serverEntry(): Promise<string> {
  bundled ??= (async () => {
    const outdir = join(ROOT, 'node_modules/.cache/dongne-test-server', String(process.pid));
    mkdirSync(outdir, { recursive: true });
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    await build({
      entryPoints: [join(ROOT, 'server/src/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dynamic imports stay dynamic: what main.ts loads only when needed (the AWS SDK) stays unloaded.
      splitting: true,
      outdir,
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning',
      plugins: [serverSourceOnly],
    });
    return join(outdir, 'main.mjs');
  })();
  return bundled;
}
