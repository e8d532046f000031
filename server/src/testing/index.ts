// What other workspaces' tests may use of the server (`@dongne/server/testing`): the pieces to build
// the real app over a store of their own, the demo neighbourhoods, and GPS fixes that pass. Tests only.
export { createApp } from '../app.js';
export { ensureDemoNeighbourhoods } from '../services/neighbourhood-setup.js';
export { openSqliteStore, SqliteStore } from '../store/sqlite/sqlite-store.js';
export type { Store } from '../store/contract/store.js';
export { fixSource, HOME, type FixSource } from './fixes.js';
export { T0, TEST_PASSWORD_COST } from './harness.js';
export { DEMO_NEIGHBOURHOODS_FILE } from '../services/neighbourhood-import.js';
export { importNeighbourhoods } from '../services/neighbourhood-save.js';
export { ensureNeighbourhoods, legacyDistricts } from '../services/neighbourhood-setup.js';
export { prepareAccountChecks } from '../services/password-policy.js';
