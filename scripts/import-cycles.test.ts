// No two modules may depend on each other, directly or round a longer loop: a cycle means neither
// can be read, tested or loaded without the other. Walks every import (static, type-only and
// dynamic) of web/src, server/src and shared/src, .svelte files included, and names the cycle found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['web/src', 'server/src', 'shared/src'];
const ALIASES: Record<string, string> = { $lib: 'web/src/lib' };
/** Workspace packages by name, with their `exports` map, so `@dongne/shared/x` resolves too. */
const PACKAGES = Object.fromEntries(
  ['shared', 'server', 'web'].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string> };
    return [pkg.name, { dir, exports: pkg.exports ?? {} }];
  }),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The specifiers a file imports; for a component, those of its <script> blocks. */
function importsOf(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) text = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a specifier names, trying what TypeScript and SvelteKit would: `.js` → `.ts`, index files. */
function resolveFile(base: string): string | undefined {
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return resolveFile(resolve(dirname(from), specifier));
  for (const [alias, target] of Object.entries(ALIASES)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) return resolveFile(join(ROOT, target, specifier.slice(alias.length)));
  }
  const [scope, name, ...rest] = specifier.split('/');
  const pkg = PACKAGES[`${scope}/${name}`];
  if (!pkg) return undefined;
  const subpath = rest.length ? `./${rest.join('/')}` : '.';
  const exact = pkg.exports[subpath];
  if (exact) return resolveFile(join(ROOT, pkg.dir, exact));
  const wildcard = pkg.exports['./*'];
  return wildcard ? resolveFile(join(ROOT, pkg.dir, wildcard.replace('*', rest.join('/')))) : undefined;
}

function importGraph(dirs = SOURCE_DIRS): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const targets = importsOf(file).flatMap((specifier) => resolveImport(file, specifier) ?? []);
    graph.set(relative(ROOT, file), [...new Set(targets.map((t) => relative(ROOT, t)))]);
  }
  return graph;
}

/** The cycles a depth-first search meets (at least one in every tangle), each as the files round it, first one repeated. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('imports', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('resolves .js to .ts, $lib, workspace packages and components', () => {
    const graph = importGraph();
    expect(graph.get('web/src/lib/sync/sync-scheduler.ts')).toContain('web/src/lib/sync/sync-status.svelte.ts');
    expect(graph.get('web/src/routes/+layout.svelte')).toEqual(expect.arrayContaining(['web/src/lib/db/db.ts']));
    expect(graph.get('server/src/app.ts')).toContain('shared/src/index.ts');
  });

  it('go one way: no module depends on itself through others', () => {
    const cycles = findCycles(importGraph()).map((cycle) => cycle.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
});
