// `npm run import:neighbourhoods -- file.geojson`: loads neighbourhoods into the SQLite file the
// server uses (DONGNE_DATA_DIR, default ./data) and recomputes every neighbour set. Safe to re-run.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NeighbourhoodImportError, parseNeighbourhoods } from './services/neighbourhood-import.js';
import { saveNeighbourhoods } from './services/neighbourhood-save.js';
import type { NeighbourhoodRow } from './store/contract/neighbourhoods.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run import:neighbourhoods -- path/to/neighbourhoods.geojson');
  process.exit(2);
}

let source: string;
try {
  source = readFileSync(resolve(file), 'utf8');
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

// Check the whole file before touching the database: a refused file leaves no trace.
let rows: NeighbourhoodRow[];
try {
  rows = parseNeighbourhoods(source);
} catch (error) {
  if (!(error instanceof NeighbourhoodImportError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const dataDir = resolve(process.env.DONGNE_DATA_DIR ?? './data');
mkdirSync(dataDir, { recursive: true });
const databaseFile = join(dataDir, 'dongne.sqlite');
const store = openSqliteStore(databaseFile);
try {
  const before = await store.neighbourhoods.count();
  const started = performance.now();
  const { imported, neighbourPairs } = await saveNeighbourhoods(store, rows);
  const total = await store.neighbourhoods.count();
  const added = total - before;
  console.log(
    `Imported ${imported} neighbourhoods from ${file} into ${databaseFile} ` +
      `(${added} new, ${imported - added} updated; ${total} in all).`,
  );
  console.log(`Recomputed ${neighbourPairs} neighbour-set entries for range levels 1-4 in ${Math.round(performance.now() - started)} ms.`);
  console.log('A running server finds positions in the new neighbourhoods once restarted.');
} finally {
  await store.close();
}
